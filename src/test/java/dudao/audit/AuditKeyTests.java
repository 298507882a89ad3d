package dudao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.platform.DudaoProperties;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class AuditKeyTests {

    @Test
    void aProductionStartWithoutAKeyIsRefused() {
        var properties = new DudaoProperties(null, null, null, 0);
        assertThatThrownBy(() -> new AuditKey(new AuditProperties(""), properties, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DUDAO_AUDIT_KEY");
    }

    @Test
    void aShortKeyIsRefused() {
        var properties = new DudaoProperties(null, null, null, 0);
        assertThatThrownBy(() -> new AuditKey(new AuditProperties("c2hvcnQ="), properties, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDemoGeneratesAKeyOnceAndKeepsIt() throws Exception {
        var dir = Files.createTempDirectory("dudao-key");
        var properties = new DudaoProperties(dir, null, null, 0);
        var first = new AuditKey(new AuditProperties(null), properties, true);
        var second = new AuditKey(new AuditProperties(null), properties, true);
        assertThat(Files.exists(dir.resolve("audit.key"))).isTrue();
        assertThat(second.mac(null, "x")).isEqualTo(first.mac(null, "x"));
    }

    @Test
    void theMacCoversThePreviousMacAndTheContent() throws Exception {
        var properties = new DudaoProperties(Files.createTempDirectory("dudao-key"), null, null, 0);
        var key = new AuditKey(new AuditProperties(null), properties, true);
        assertThat(key.mac(null, "a")).hasSize(32).isNotEqualTo(key.mac(new byte[] {1}, "a"));
        assertThat(key.mac(null, "a")).isNotEqualTo(key.mac(null, "b"));
    }
}
