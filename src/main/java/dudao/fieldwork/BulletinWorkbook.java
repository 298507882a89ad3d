package dudao.fieldwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The fieldwork bulletin as an Excel workbook: the first sheet has a line per group with the day's and the cumulative
 * figure of each column and the day's open and covert visits, then the total; numbers are numeric cells, so the sheet
 * sums as the page does. The second sheet lists the day's visits as the page does.
 */
@Component
class BulletinWorkbook {

    /** Rows before the first group: title, date, column heads, day/cumulative heads. */
    static final int FIRST_GROUP_ROW = 4;

    /** Columns before the first figure: group number, district, reported. */
    static final int FIRST_FIGURE_COLUMN = 3;

    /** The first visit's row on the visits sheet (after the heading and the column heads). */
    static final int VISITS_FIRST_ROW = 2;

    private final MessageSource messages;

    BulletinWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(Bulletin bulletin, Locale locale) {
        try (var workbook = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet(text("bulletin.sheet", locale));
            var bold = workbook.createFont();
            bold.setBold(true);
            CellStyle head = workbook.createCellStyle();
            head.setFont(bold);
            cell(sheet, 0, 0, bulletin.roundName() + " · " + text("bulletin.title", locale), head);
            cell(sheet, 1, 0, text("bulletin.date", locale) + " " + bulletin.date(), null);
            cell(sheet, 2, 0, text("bulletin.group", locale), head);
            cell(sheet, 2, 1, text("bulletin.region", locale), head);
            cell(sheet, 2, 2, text("bulletin.reported", locale), head);
            int col = FIRST_FIGURE_COLUMN;
            for (var column : bulletin.columns()) {
                cell(sheet, 2, col, text(column.messageKey(), locale), head);
                sheet.addMergedRegion(new CellRangeAddress(2, 2, col, col + 1));
                cell(sheet, 3, col, text("bulletin.day", locale), head);
                cell(sheet, 3, col + 1, text("bulletin.cumulative", locale), head);
                col += 2;
            }
            cell(sheet, 2, col, text("bulletin.visits.column", locale), head);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, col, col + 1));
            cell(sheet, 3, col, text("visit.mode.OPEN", locale), head);
            cell(sheet, 3, col + 1, text("visit.mode.COVERT", locale), head);
            int r = FIRST_GROUP_ROW;
            for (var line : bulletin.groups()) {
                var row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.number());
                row.createCell(1).setCellValue(line.region());
                row.createCell(2)
                        .setCellValue(text(
                                line.reported()
                                        ? "bulletin.reported.yes"
                                        : line.posted() ? "bulletin.reported.no" : "bulletin.reported.notPosted",
                                locale));
                figures(row, bulletin, line.day(), line.cumulative());
                row.createCell(col).setCellValue(line.openVisits());
                row.createCell(col + 1).setCellValue(line.covertVisits());
            }
            var total = sheet.createRow(r);
            total.createCell(1).setCellValue(text("bulletin.total", locale));
            figures(total, bulletin, bulletin.totalDay(), bulletin.totalCumulative());
            total.createCell(col).setCellValue(bulletin.openVisitsOfDay());
            total.createCell(col + 1).setCellValue(bulletin.covertVisitsOfDay());
            for (var c = 0; c < col + 2; c++) {
                sheet.setColumnWidth(c, c == 1 ? 20 * 256 : 12 * 256);
            }
            sheet.createFreezePane(FIRST_FIGURE_COLUMN, FIRST_GROUP_ROW);
            visits(workbook.createSheet(text("bulletin.visits.sheet", locale)), bulletin, head, locale);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The day's visits: a heading, then group, place, kind of place, open or covert, listed key area. */
    private void visits(Sheet sheet, Bulletin bulletin, CellStyle head, Locale locale) {
        cell(
                sheet,
                0,
                0,
                messages.getMessage(
                        "bulletin.visits",
                        new Object[] {bulletin.visits().size(), bulletin.openVisitsOfDay(), bulletin.covertVisitsOfDay()
                        },
                        locale),
                head);
        var heads = new String[] {"bulletin.group", "visit.place", "visit.placeKind", "visit.mode", "visit.listed"};
        for (int c = 0; c < heads.length; c++) {
            cell(sheet, 1, c, text(heads[c], locale), head);
            sheet.setColumnWidth(c, (c == 1 ? 30 : 14) * 256);
        }
        int r = VISITS_FIRST_ROW;
        for (var visit : bulletin.visits()) {
            var row = sheet.createRow(r++);
            row.createCell(0).setCellValue(visit.groupNumber());
            row.createCell(1).setCellValue(visit.place());
            row.createCell(2).setCellValue(text("place.kind." + visit.placeKind(), locale));
            row.createCell(3).setCellValue(text("visit.mode." + visit.mode(), locale));
            row.createCell(4).setCellValue(visit.listedKeyArea() ? text("bulletin.listed.yes", locale) : "");
        }
    }

    private static void figures(
            Row row,
            Bulletin bulletin,
            java.util.Map<BulletinColumn, Long> day,
            java.util.Map<BulletinColumn, Long> cumulative) {
        int col = FIRST_FIGURE_COLUMN;
        for (var column : bulletin.columns()) {
            row.createCell(col++).setCellValue(day.get(column));
            row.createCell(col++).setCellValue(cumulative.get(column));
        }
    }

    private static void cell(Sheet sheet, int row, int col, String text, CellStyle style) {
        var r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        var c = r.createCell(col);
        c.setCellValue(text);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
