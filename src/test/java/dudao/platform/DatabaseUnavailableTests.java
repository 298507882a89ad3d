package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached now" (503 with Retry-After) rather than a bug (500). */
class DatabaseUnavailableTests {

    @Test
    void aLostOrRefusedConnectionMeansTheDatabaseIsUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("x", new ConnectException())))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new DataAccessResourceFailureException("I/O error")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(
                        new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("reset", "08006"))))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedOnAClosedConnectionMeansTheDatabaseIsUnavailable() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("I/O error"));
        assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
    }

    @Test
    void aBugOrABrokenConstraintIsNotAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("syntax", "42601"))))
                .isFalse();
    }
}
