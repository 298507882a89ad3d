package dudao.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached right now (stopped, restarting, failing over, out of
 * connections): the caller is told to try again shortly (503 with Retry-After), not that something went wrong (500).
 */
final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 5;

    static final String MESSAGE_KEY = "error.databaseUnavailable";

    private DatabaseUnavailable() {}

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof TransactionSystemException tse) {
                // A commit or rollback that failed: the connection is gone (the pool says "Connection is closed"
                // without a SQL state); what the transaction was doing may have failed for the same reason.
                if (tse.getCause() instanceof SQLException
                        || (tse.getApplicationException() != null && causedBy(tse.getApplicationException()))) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                var state = sql.getSQLState();
                // 08: connection exceptions; 57P01..57P03: the server is shutting down or cannot connect now.
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
