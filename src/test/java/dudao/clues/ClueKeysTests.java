package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.platform.DudaoProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The clue module's keys: required outside the demo, SM4-GCM bound to row and column, blind indexes. */
class ClueKeysTests {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private static ClueKeys keys(String master, boolean demo) throws Exception {
        return new ClueKeys(
                new ClueProperties(master, null, null, null, null, null, null, null),
                new DudaoProperties(Path.of("target/clue-keys-test"), null, null, 0),
                demo);
    }

    @Test
    void refusesToStartWithoutMasterKeyOutsideTheDemo() {
        assertThatThrownBy(() -> keys("", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dudao.clues.master-key");
        assertThatThrownBy(() -> keys(Base64.getEncoder().encodeToString(new byte[8]), false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void encryptsForOneRowAndColumnOnly() throws Exception {
        var keys = keys(KEY, false);
        var dataKey = keys.newDataKey();
        var sealed = keys.encrypt(dataKey, 7, "reporter_phone", "13800138000");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13800138000");
        assertThat(keys.decrypt(dataKey, 7, "reporter_phone", sealed)).isEqualTo("13800138000");
        assertThatThrownBy(() -> keys.decrypt(dataKey, 8, "reporter_phone", sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.decrypt(dataKey, 7, "reporter_name", sealed))
                .isInstanceOf(IllegalStateException.class);
        var wrapped = keys.wrap(dataKey, 7);
        assertThat(keys.unwrap(wrapped, 7)).isEqualTo(dataKey);
        assertThatThrownBy(() -> keys.unwrap(wrapped, 8)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeptReceiptOpensOnlyWithTheSecretFromItsRawIdempotencyKey() throws Exception {
        var keys = keys(KEY, false);
        var code = new ReceiptCode("1234567890123456");
        var keyHash = new byte[32];
        keyHash[0] = 1;
        var secret = "derived-from-the-raw-key-0123456".getBytes(StandardCharsets.US_ASCII);
        var sealed = keys.sealReceipt(code, secret, keyHash);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(code.value());
        assertThat(keys.openReceipt(sealed, secret, keyHash)).isEqualTo(code);
        // The master key and the stored row are not enough: neither another secret nor the stored hash opens it.
        assertThatThrownBy(() -> keys.openReceipt(
                        sealed, "derived-from-another-raw-key-012".getBytes(StandardCharsets.US_ASCII), keyHash))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.openReceipt(sealed, keyHash, keyHash)).isInstanceOf(IllegalStateException.class);
        var otherRow = keyHash.clone();
        otherRow[1] = 1;
        assertThatThrownBy(() -> keys.openReceipt(sealed, secret, otherRow)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.sealReceipt(code, null, keyHash)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indexesTheSamePhoneAlikeHoweverItIsWritten() throws Exception {
        var keys = keys(KEY, false);
        var a = keys.blindIndex("phone", ClueKeys.normalisePhone("+86 138-0013-8000"));
        var b = keys.blindIndex("phone", ClueKeys.normalisePhone("13800138000"));
        var c = keys.blindIndex("phone", ClueKeys.normalisePhone("13800138001"));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(ClueKeys.normaliseIdNumber(" 50038119900101123x ")).isEqualTo("50038119900101123X");
        assertThat(keys(Base64.getEncoder().encodeToString("another-master-key-of-32-bytes!!".getBytes()), false)
                        .blindIndex("phone", "13800138000"))
                .isNotEqualTo(b);
    }
}
