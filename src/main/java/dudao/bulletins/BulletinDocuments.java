package dudao.bulletins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.springframework.stereotype.Component;

/**
 * A published bulletin as files: Word laid out as a Chinese official document (GB/T 9704-2012: A4 with the standard
 * margins, the issuing office's mark in red, the document number above a red rule, the title, the body in 仿宋 三号,
 * the issuing office and the date), and Excel with one sheet per table. Both carry only what the reader may see.
 */
@Component
class BulletinDocuments {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String RED = "FF0000";

    byte[] word(PublishedBulletin bulletin) {
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
            run(mark, DailyBulletins.OFFICE, TITLE_FONT, 26, true).setColor(RED);
            mark.setSpacingAfter(600);

            var numberLine = paragraph(doc, ParagraphAlignment.CENTER);
            run(numberLine, bulletin.number(), BODY_FONT, 16, false);
            var ppr = numberLine.getCTP().isSetPPr()
                    ? numberLine.getCTP().getPPr()
                    : numberLine.getCTP().addNewPPr();
            var bottom = ppr.addNewPBdr().addNewBottom();
            bottom.setVal(STBorder.SINGLE);
            bottom.setColor(RED);
            bottom.setSz(BigInteger.valueOf(18));
            bottom.setSpace(BigInteger.valueOf(4));

            var title = paragraph(doc, ParagraphAlignment.CENTER);
            title.setSpacingBefore(600);
            title.setSpacingAfter(300);
            run(title, bulletin.title(), TITLE_FONT, 22, false);

            for (var text : bulletin.paragraphs()) {
                body(doc, text);
            }
            for (var text : bulletin.practices()) {
                body(doc, text);
            }
            var office = paragraph(doc, ParagraphAlignment.RIGHT);
            office.setSpacingBefore(600);
            run(office, DailyBulletins.OFFICE, BODY_FONT, 16, false);
            var day = bulletin.date();
            run(
                    paragraph(doc, ParagraphAlignment.RIGHT),
                    day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日",
                    BODY_FONT,
                    16,
                    false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sheets: the totals with their definitions, the districts, the groups. */
    byte[] excel(PublishedBulletin bulletin, Labels labels) {
        return excel(bulletin.figures(), labels);
    }

    /** The same sheets for the live figures of the dashboard, as the reader sees them. */
    byte[] excel(Overview overview, Labels labels) {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var totals = book.createSheet(labels.totals());
            row(totals, 0, labels.totalsHeader());
            int r = 1;
            for (var f : overview.figures()) {
                row(
                        totals,
                        r++,
                        List.of(
                                f.label(),
                                f.today() == null ? "" : f.today().toString(),
                                f.cumulative() == null ? "" : f.cumulative().toString(),
                                f.definition()));
            }
            lines(book.createSheet(labels.districts()), overview.districts(), labels);
            lines(book.createSheet(labels.groups()), overview.groups(), labels);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheet names and column headings in the reader's language. */
    record Labels(String totals, String districts, String groups, List<String> totalsHeader, List<String> measures) {}

    private static void lines(Sheet sheet, List<Line> lines, Labels labels) {
        var header = new java.util.ArrayList<String>();
        header.add("");
        header.add("");
        header.addAll(labels.measures());
        row(sheet, 0, header);
        int r = 1;
        for (var line : lines) {
            var cells = new java.util.ArrayList<String>();
            cells.add(line.key());
            cells.add(line.label());
            for (var m : Measure.values()) {
                var v = line.cumulative(m);
                cells.add(v == null ? "" : v.toString());
            }
            row(sheet, r++, cells);
        }
    }

    private static void row(Sheet sheet, int index, List<String> values) {
        var row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            var text = values.get(i);
            var cell = row.createCell(i);
            if (index > 0 && text != null && text.matches("-?\\d+(\\.\\d+)?") && i >= 1) {
                cell.setCellValue(Double.parseDouble(text));
            } else {
                cell.setCellValue(neutralised(text));
            }
        }
    }

    /** A cell's text that no spreadsheet runs as a formula: one that begins with = + - @ (or a tab or return) gets a quote. */
    static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        var p = doc.createParagraph();
        p.setAlignment(alignment);
        return p;
    }

    private static void body(XWPFDocument doc, String text) {
        var p = paragraph(doc, ParagraphAlignment.BOTH);
        p.setFirstLineIndent(640); // two characters of 三号
        run(p, text, BODY_FONT, 16, false);
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
