package dudao.clues;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.directory.Staff;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clue ledger (线索台账) as an Excel workbook: the list the reader may see, identity masked. Text that a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) is written with a leading
 * apostrophe, so an exported tip cannot attack the person who opens the file.
 */
@Service
public class ClueLedger {

    static final int MAX_ROWS = 100_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClueIntake.CHINA);

    private final ClueList list;
    private final MessageSource messages;
    private final AuditTrail audit;

    ClueLedger(ClueList list, MessageSource messages, AuditTrail audit) {
        this.list = list;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    public void write(ClueFilter filter, Staff me, Locale locale, OutputStream out) throws IOException {
        try (var book = new SXSSFWorkbook(200)) {
            var sheet = book.createSheet(msg("clue.export.sheet", locale));
            var header = sheet.createRow(0);
            String[] titles = {
                "clue.serial", "clue.receivedAt", "clue.channel", "clue.region", "clue.groupNumber", "clue.category",
                "clue.summary", "clue.reporter", "clue.status", "clue.scope", "clue.subCategory", "clue.unit",
                "clue.dueOn", "clue.result", "clue.key", "clue.officials", "clue.mergedInto"
            };
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(msg(titles[i], locale));
            }
            var count = new AtomicInteger();
            list.each(filter, me, MAX_ROWS, r -> {
                var row = sheet.createRow(count.incrementAndGet());
                String[] values = {
                    r.serial(),
                    TIME.format(r.receivedAt()),
                    msg("clue.channel." + r.channel(), locale),
                    r.regionName(),
                    r.groupNumber() == null ? "" : r.groupNumber().toString(),
                    msg("clue.category." + r.category(), locale),
                    r.summary(),
                    msg(r.reporter().anonymous() ? "clue.reporter.anonymous" : "clue.reporter.named", locale),
                    msg("clue.status." + r.status(), locale),
                    r.scope() == null ? "" : msg("clue.scope." + r.scope(), locale),
                    r.subCategory() == null ? "" : msg("clue.category." + r.subCategory(), locale),
                    r.handlingUnit(),
                    r.dueOn() == null ? "" : r.dueOn().toString(),
                    r.result() == null ? "" : msg("clue.result." + r.result(), locale),
                    msg(r.keyClue() ? "clue.yes" : "clue.no", locale),
                    msg(r.officialsNamed() ? "clue.yes" : "clue.no", locale),
                    r.mergedInto()
                };
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(neutralised(values[i]));
                }
            });
            audit.record("clue-export", "clue", null, Outcome.SUCCESS, "rows=" + count.get());
            book.write(out);
        }
    }

    /** A cell's text that no spreadsheet runs as a formula. */
    static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
