package dudao.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list exported as one Excel sheet: a header row, then one row per record, numbers as numbers. Text that a
 * spreadsheet would run as a formula (beginning with = + - @, a tab or a carriage return) gets a leading apostrophe,
 * so an exported value can never execute (CSV/formula injection). Rows stream to disk past a hundred, so a long list
 * does not sit in memory as cells.
 */
public final class Spreadsheets {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Spreadsheets() {}

    public static byte[] sheet(String name, List<String> header, Iterable<? extends List<?>> rows) {
        return streamed(name, header, sink -> rows.forEach(sink));
    }

    /**
     * The same sheet, its rows pushed one at a time by {@code rows} into the sink it is given (a read that streams
     * from the database calls the sink for each record it reads).
     */
    public static byte[] streamed(String name, List<String> header, Consumer<Consumer<List<?>>> rows) {
        try (var book = new SXSSFWorkbook(100);
                var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(name);
            var first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(neutralised(header.get(i)));
            }
            int[] next = {1};
            rows.accept(values -> {
                var row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    var value = values.get(i);
                    var cell = row.createCell(i);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(neutralised(value.toString()));
                    }
                }
            });
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as a download named in UTF-8. */
    public static ResponseEntity<byte[]> download(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                .body(body);
    }

    /** A cell's text that no spreadsheet runs as a formula. */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}
