package dudao.directory;

import dudao.platform.BearerTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the API: random, stored only as their SHA-256, valid for a limited time, and dead as soon
 * as the account is disabled or its password reset. A token carries the person's role and jurisdiction, no more.
 */
@Component
class ApiTokens implements BearerTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SignIn signIn;
    private final Clock clock;
    private final Duration lifetime;

    ApiTokens(
            JdbcClient jdbc, SignIn signIn, Clock clock, @Value("${dudao.api.token-lifetime:PT8H}") Duration lifetime) {
        this.jdbc = jdbc;
        this.signIn = signIn;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    record Issued(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[token=***, expiresAt=" + expiresAt + "]";
        }
    }

    @Transactional
    Issued issue(AccountRow row) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expires = Instant.now(clock).plus(lifetime);
        jdbc.sql("insert into api_token (token_hash, staff_id, expires_at) values (?, ?, ?)")
                .params(hash(token), row.id(), Timestamp.from(expires))
                .update();
        jdbc.sql("delete from api_token where expires_at < ?")
                .param(Timestamp.from(Instant.now(clock)))
                .update();
        return new Issued(token, expires);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Authentication> authenticate(String token) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select staff_id from api_token where token_hash = ? and expires_at > ?")
                .params(hash(token), Timestamp.from(Instant.now(clock)))
                .query(Long.class)
                .optional()
                .flatMap(signIn::load)
                .filter(AccountRow::enabled)
                .map(SignIn::complete);
    }

    @Transactional
    void revokeAll(long staffId) {
        jdbc.sql("delete from api_token where staff_id = ?").param(staffId).update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
