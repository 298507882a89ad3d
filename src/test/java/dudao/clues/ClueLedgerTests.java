package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the ledger export writes into cells. */
class ClueLedgerTests {

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
        assertThat(ClueLedger.neutralised("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ClueLedger.neutralised("+1")).isEqualTo("'+1");
        assertThat(ClueLedger.neutralised("-2")).isEqualTo("'-2");
        assertThat(ClueLedger.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ClueLedger.neutralised("江津区")).isEqualTo("江津区");
        assertThat(ClueLedger.neutralised(null)).isEmpty();
    }
}
