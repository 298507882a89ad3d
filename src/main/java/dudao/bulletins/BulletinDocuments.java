package dudao.bulletins;

import dudao.platform.OfficialDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A published bulletin as files: Word laid out as a Chinese official document (GB/T 9704-2012, see
 * {@link OfficialDocument}), and Excel with one sheet per table. Both carry only what the reader may see.
 */
@Component
class BulletinDocuments {

    /** The bulletin as an official document of the office, without an addressee: it is circulated, not sent. */
    byte[] word(PublishedBulletin bulletin) {
        return OfficialDocument.issuedBy(DailyBulletins.OFFICE)
                .number(bulletin.number())
                .title(bulletin.title())
                .paragraphs(bulletin.paragraphs())
                .paragraphs(bulletin.practices())
                .date(bulletin.date())
                .toWord();
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
}
