package dudao.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

/**
 * A Word file laid out as a Chinese official document (GB/T 9704-2012): A4 with the standard margins, the issuing
 * office's mark in red, the document number above a red rule, the title, the addressee if there is one, the body in
 * 仿宋 三号 with a two-character first-line indent, then the issuing office and the date on the right. Fonts are
 * named as offices have them; Word and WPS substitute when one is missing. The parts are written in that order
 * whatever order they are given in; what the document says stays with the module that issues it.
 */
public final class OfficialDocument {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String RED = "FF0000";

    private final String office;
    private String number;
    private String title;
    private String addressee;
    private final List<String> paragraphs = new ArrayList<>();
    private LocalDate date;

    private OfficialDocument(String office) {
        this.office = Objects.requireNonNull(office, "office");
    }

    /** A document issued by this office, whose name heads it in red and signs it. */
    public static OfficialDocument issuedBy(String office) {
        return new OfficialDocument(office);
    }

    /** The document number, e.g. 渝扫黑办督〔2018〕3号, written above the red rule. */
    public OfficialDocument number(String number) {
        this.number = number;
        return this;
    }

    public OfficialDocument title(String title) {
        this.title = title;
        return this;
    }

    /** The addressee, written as the first line of the body followed by a full-width colon. */
    public OfficialDocument addressee(String addressee) {
        this.addressee = addressee;
        return this;
    }

    /** Body paragraphs, in order, after those already given. */
    public OfficialDocument paragraphs(List<String> texts) {
        paragraphs.addAll(texts);
        return this;
    }

    /** The date of issue, written under the office's name. */
    public OfficialDocument date(LocalDate date) {
        this.date = date;
        return this;
    }

    /** A day as an official document writes it: 2018年7月30日. */
    public static String chineseDate(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** The .docx file. */
    public byte[] toWord() {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        try (var doc = new XWPFDocument();
                var out = new ByteArrayOutputStream()) {
            var sect = doc.getDocument().getBody().addNewSectPr();
            var size = sect.addNewPgSz();
            size.setW(BigInteger.valueOf(11906)); // A4, in twentieths of a point
            size.setH(BigInteger.valueOf(16838));
            var margins = sect.addNewPgMar();
            margins.setTop(BigInteger.valueOf(2098)); // 37 mm
            margins.setBottom(BigInteger.valueOf(1984)); // 35 mm
            margins.setLeft(BigInteger.valueOf(1588)); // 28 mm
            margins.setRight(BigInteger.valueOf(1474)); // 26 mm

            var mark = paragraph(doc, ParagraphAlignment.CENTER);
            run(mark, office, TITLE_FONT, 26, true).setColor(RED);
            mark.setSpacingAfter(600);

            var numberLine = paragraph(doc, ParagraphAlignment.CENTER);
            run(numberLine, number, BODY_FONT, 16, false);
            var ppr = numberLine.getCTP().isSetPPr()
                    ? numberLine.getCTP().getPPr()
                    : numberLine.getCTP().addNewPPr();
            var bottom = ppr.addNewPBdr().addNewBottom();
            bottom.setVal(STBorder.SINGLE);
            bottom.setColor(RED);
            bottom.setSz(BigInteger.valueOf(18));
            bottom.setSpace(BigInteger.valueOf(4));

            var titleLine = paragraph(doc, ParagraphAlignment.CENTER);
            titleLine.setSpacingBefore(600);
            titleLine.setSpacingAfter(300);
            run(titleLine, title, TITLE_FONT, 22, false);

            if (addressee != null) {
                run(paragraph(doc, ParagraphAlignment.LEFT), addressee + "：", BODY_FONT, 16, false);
            }
            for (var text : paragraphs) {
                var p = paragraph(doc, ParagraphAlignment.BOTH);
                p.setFirstLineIndent(640); // two characters of 三号
                run(p, text, BODY_FONT, 16, false);
            }
            var signature = paragraph(doc, ParagraphAlignment.RIGHT);
            signature.setSpacingBefore(600);
            run(signature, office, BODY_FONT, 16, false);
            run(paragraph(doc, ParagraphAlignment.RIGHT), chineseDate(date), BODY_FONT, 16, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        var p = doc.createParagraph();
        p.setAlignment(alignment);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int points, boolean bold) {
        var r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(points);
        r.setBold(bold);
        return r;
    }
}
