package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The official-document layout read back from the Word file it writes. */
class OfficialDocumentTests {

    static final String OFFICE = "某某市领导小组办公室";
    static final LocalDate DAY = LocalDate.of(2018, 7, 30);

    static XWPFDocument read(byte[] bytes) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    @Test
    void layoutIsA4WithTheRedMarkTheNumberAboveARedRuleTheTitleTheAddresseeTheBodyAndTheSignature() throws Exception {
        var bytes = OfficialDocument.issuedBy(OFFICE)
                .date(DAY)
                .paragraphs(List.of("第一段。", "第二段。"))
                .addressee("甲区")
                .title("督办通知书")
                .number("某督〔2018〕7号")
                .toWord();
        try (var doc = read(bytes)) {
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(sect.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(sect.getPgMar().getTop().toString()).isEqualTo("2098");
            assertThat(sect.getPgMar().getLeft().toString()).isEqualTo("1588");

            var p = doc.getParagraphs();
            assertThat(p.stream().map(XWPFParagraph::getText))
                    .containsExactly(OFFICE, "某督〔2018〕7号", "督办通知书", "甲区：", "第一段。", "第二段。", OFFICE, "2018年7月30日");
            var mark = p.get(0).getRuns().get(0);
            assertThat(mark.getColor()).isEqualTo(OfficialDocument.RED);
            assertThat(mark.isBold()).isTrue();
            assertThat(mark.getFontFamily()).isEqualTo(OfficialDocument.TITLE_FONT);
            var rule = p.get(1).getCTP().getPPr().getPBdr().getBottom();
            assertThat(rule.xgetColor().getStringValue()).isEqualTo(OfficialDocument.RED);
            assertThat(p.get(2).getRuns().get(0).getFontFamily()).isEqualTo(OfficialDocument.TITLE_FONT);
            assertThat(p.get(4).getRuns().get(0).getFontFamily()).isEqualTo(OfficialDocument.BODY_FONT);
            assertThat(p.get(4).getFirstLineIndent()).isEqualTo(640);
        }
    }

    @Test
    void withoutAnAddresseeTheBodyFollowsTheTitle() throws Exception {
        var bytes = OfficialDocument.issuedBy(OFFICE)
                .number("某通〔2018〕1号")
                .title("简报")
                .paragraphs(List.of("正文。"))
                .paragraphs(List.of("做法。"))
                .date(DAY)
                .toWord();
        try (var doc = read(bytes)) {
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText))
                    .containsExactly(OFFICE, "某通〔2018〕1号", "简报", "正文。", "做法。", OFFICE, "2018年7月30日");
        }
    }

    @Test
    void refusesADocumentWithoutANumber() {
        var draft = OfficialDocument.issuedBy(OFFICE).title("简报").date(DAY);
        assertThatNullPointerException().isThrownBy(draft::toWord).withMessage("number");
    }
}
