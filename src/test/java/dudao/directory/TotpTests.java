package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "at {0} the code is {1}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void computesTheCodesOfRfc6238AppendixB(long seconds, String expected) {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(seconds)), 8, "HmacSHA1"))
                .isEqualTo(expected);
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepOfDrift() {
        var secret = Totp.newSecret();
        var now = Instant.parse("2026-11-26T08:00:10Z");
        long step = Totp.step(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, null)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, null)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, null)).hasValue(step + 1);
    }

    @Test
    void refusesCodesTwoStepsAwayOrMalformed() {
        var secret = Totp.newSecret();
        var now = Instant.parse("2026-11-26T08:00:10Z");
        long step = Totp.step(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, null)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step + 2), now, null)).isEmpty();
        assertThat(Totp.verify(secret, "12345", now, null)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now, null)).isEmpty();
        assertThat(Totp.verify(secret, null, now, null)).isEmpty();
    }

    @Test
    void refusesACodeUsedBefore() {
        var secret = Totp.newSecret();
        var now = Instant.parse("2026-11-26T08:00:10Z");
        long step = Totp.step(now);
        assertThat(Totp.verify(secret, Totp.code(secret, step), now, step)).isEmpty();
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, step)).isEmpty();
    }

    @Test
    void secretsAreBase32Of160Bits() {
        var secret = Totp.newSecret();
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(Totp.uri("Dudao", "city", secret))
                .startsWith("otpauth://totp/Dudao%3Acity?secret=" + secret)
                .contains("issuer=Dudao");
    }
}
