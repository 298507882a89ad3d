package dudao.directory;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.platform.Authorities;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks passwords and second factors, with throttling: after {@value #MAX_FAILURES} failures in a row an account is
 * locked for {@link #LOCK}. The count runs on until a right password (or an administrator's enable or reset), so once
 * an account has been locked every further failure locks it again. An unknown user, a wrong password, a disabled or a
 * locked account all fail the same way, in about the same time, so that nobody learns which accounts exist.
 */
@Component
class SignIn {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final String dummyHash;

    SignIn(JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    /** The account, if the password is right and the account may sign in now. */
    @Transactional
    Optional<AccountRow> checkPassword(String username, String password, String channel) {
        var name = username == null ? "" : username.trim().toLowerCase();
        var account = name.isEmpty() || name.length() > 64 ? Optional.<AccountRow>empty() : load(name);
        var now = Instant.now(clock);
        if (account.isEmpty()) {
            passwords.matches(password == null ? "" : password, dummyHash);
            audit.recordAs(clip(name), null, null, "SIGN_IN", Outcome.FAILURE, channel + ": unknown account");
            return Optional.empty();
        }
        var row = account.get();
        boolean matches = passwords.matches(password == null ? "" : password, row.passwordHash());
        if (!row.enabled() || (row.lockedUntil() != null && row.lockedUntil().isAfter(now))) {
            audit.recordAs(
                    row.username(),
                    row.role().name(),
                    row.region(),
                    "SIGN_IN",
                    Outcome.DENIED,
                    channel + (row.enabled() ? ": account locked" : ": account disabled"));
            return Optional.empty();
        }
        if (!matches) {
            fail(row, now, channel + ": wrong password");
            return Optional.empty();
        }
        jdbc.sql("update staff set failed_sign_ins = 0, locked_until = null where id = ?")
                .param(row.id())
                .update();
        return Optional.of(row);
    }

    /** Whether the code is the account's current second factor; a wrong code counts as a failed sign-in. */
    @Transactional
    boolean checkSecondFactor(AccountRow row, String secret, String code, String channel) {
        var now = Instant.now(clock);
        var step = Totp.verify(secret, code, now, row.totpLastStep());
        if (step.isEmpty()) {
            fail(row, now, channel + ": wrong second factor");
            return false;
        }
        jdbc.sql("update staff set totp_last_step = ?, failed_sign_ins = 0, locked_until = null where id = ?")
                .params(step.getAsLong(), row.id())
                .update();
        return true;
    }

    /** Keeps the authenticator the person just proved to hold; the trail records it as a change of their account. */
    @Transactional
    void enrol(AccountRow row, String secret) {
        int enrolled = jdbc.sql("update staff set totp_secret = ? where id = ? and totp_secret is null")
                .params(secret, row.id())
                .update();
        if (enrolled == 1) {
            // In the enrolment's transaction, as the person (the pending sign-in is the request's principal).
            audit.record("SECOND_FACTOR_ENROL", "account", row.username(), Outcome.SUCCESS, "authenticator app (TOTP)");
        }
    }

    /**
     * Counts a failure in the row itself: wrong passwords tried at the same moment each add one (a count read earlier
     * and written back would let all but one of them vanish, and with them the lock).
     */
    private void fail(AccountRow row, Instant now, String why) {
        int failures = jdbc.sql("""
                update staff set failed_sign_ins = failed_sign_ins + 1,
                                 locked_until = case when failed_sign_ins + 1 >= ? then ? else locked_until end
                where id = ? returning failed_sign_ins""")
                .params(MAX_FAILURES, Timestamp.from(now.plus(LOCK)), row.id())
                .query(Integer.class)
                .single();
        audit.recordAs(
                row.username(),
                row.role().name(),
                row.region(),
                "SIGN_IN",
                Outcome.FAILURE,
                why + (failures >= MAX_FAILURES ? "; locked for " + LOCK.toMinutes() + " minutes" : ""));
    }

    void succeeded(AccountRow row, String channel) {
        audit.recordAs(row.username(), row.role().name(), row.region(), "SIGN_IN", Outcome.SUCCESS, channel);
    }

    Optional<AccountRow> load(String username) {
        return jdbc.sql(AccountRow.SELECT + " where s.username = ?")
                .param(username)
                .query((rs, n) -> AccountRow.map(rs))
                .optional();
    }

    Optional<AccountRow> load(long id) {
        return jdbc.sql(AccountRow.SELECT + " where s.id = ?")
                .param(id)
                .query((rs, n) -> AccountRow.map(rs))
                .optional();
    }

    /** The authentication of a completely signed-in staff member. */
    static UsernamePasswordAuthenticationToken complete(AccountRow row) {
        var authorities = List.of(
                new SimpleGrantedAuthority(Authorities.STAFF),
                new SimpleGrantedAuthority(row.role().authority()));
        return UsernamePasswordAuthenticationToken.authenticated(row.toStaff(), null, authorities);
    }

    /** The authentication of someone who gave the right password and still owes the second factor. */
    static UsernamePasswordAuthenticationToken pending(AccountRow row) {
        return UsernamePasswordAuthenticationToken.authenticated(
                row.toStaff(), null, List.of(new SimpleGrantedAuthority(Authorities.SECOND_FACTOR_PENDING)));
    }

    private static String clip(String name) {
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
