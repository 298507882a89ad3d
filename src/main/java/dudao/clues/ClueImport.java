package dudao.clues;

import dudao.directory.Jurisdiction;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.platform.UserFacingException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a hotline's existing ledger (an .xlsx workbook, first sheet, a header row, then one clue per row): all or
 * nothing. Every row is checked first; if any is wrong, nothing is recorded and the answer lists each bad row and
 * field. The columns, in order: received (date and time), channel, district, reporter name, reporter phone, reported
 * persons (separated by 、 or commas), category, place, time of the activity, description, officials named. Channels,
 * districts and categories may be given by code or by their Chinese name.
 */
@Service
public class ClueImport {

    static final int MAX_ROWS = 5000;
    private static final DateTimeFormatter[] TIMES = {
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm"),
        DateTimeFormatter.ofPattern("yyyy/M/d H:mm"),
        DateTimeFormatter.ISO_LOCAL_DATE_TIME
    };

    /** One complaint about one cell. */
    public record RowError(int row, String field, String messageKey) {}

    /** A refused import: nothing was recorded. */
    public static final class Refused extends UserFacingException {
        private final transient List<RowError> errors;

        Refused(List<RowError> errors) {
            super("clue.import.refused", errors.size());
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.BAD_REQUEST;
        }
    }

    private final ClueIntake intake;
    private final Regions regions;
    private final Validator validator;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ClueImport(ClueIntake intake, Regions regions, Validator validator, MessageSource messages, java.time.Clock clock) {
        this.intake = intake;
        this.regions = regions;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public List<Intake> importLedger(InputStream xlsx, Staff by) {
        var clues = new ArrayList<NewClue>();
        var errors = new ArrayList<RowError>();
        var districts = districtsByName(by.jurisdiction());
        try (var book = new XSSFWorkbook(xlsx)) {
            var sheet = book.getSheetAt(0);
            var format = new DataFormatter(Locale.ROOT);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row == null || blank(row, format)) {
                    continue;
                }
                if (clues.size() + errors.size() >= MAX_ROWS) {
                    errors.add(new RowError(r + 1, "row", "clue.import.tooManyRows"));
                    break;
                }
                var clue = parse(row, r + 1, format, districts, errors);
                if (clue != null) {
                    clues.add(clue);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused refused) {
                throw refused;
            }
            throw new Refused(List.of(new RowError(0, "file", "clue.excel.invalid")));
        }
        if (clues.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(0, "file", "clue.import.empty"));
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        var done = new ArrayList<Intake>();
        for (var clue : clues) {
            done.add(intake.record(clue, by));
        }
        return done;
    }

    private NewClue parse(
            Row row, int number, DataFormatter format, Map<String, String> districts, List<RowError> errors) {
        int before = errors.size();
        var received = received(row.getCell(0), format, number, errors);
        if (received != null && received.toInstant().isAfter(clock.instant())) {
            errors.add(new RowError(number, "receivedAt", "clue.receivedAt.future"));
        }
        var channel = choice(Channel.class, "clue.channel.", text(row, 1, format), number, "channel", errors);
        if (channel == Channel.WEB) {
            errors.add(new RowError(number, "channel", "clue.channel.webIsPublic"));
        }
        var districtText = text(row, 2, format);
        var district = districts.getOrDefault(districtText, districts.get(districtText + "区"));
        if (district == null && districts.containsValue(districtText)) {
            district = districtText;
        }
        if (district == null) {
            errors.add(new RowError(number, "region", "clue.region.unknown"));
        }
        var category =
                choice(ActivityCategory.class, "clue.category.", text(row, 6, format), number, "category", errors);
        var phone = text(row, 4, format);
        var name = text(row, 3, format);
        var clue = new NewClue(
                channel,
                district == null ? "" : district,
                null,
                null,
                received,
                name.isEmpty() && phone.isEmpty() ? null : new NewClue.Reporter(name, phone, null, null),
                persons(text(row, 5, format)),
                new NewClue.Activity(category, text(row, 7, format), text(row, 8, format), text(row, 9, format)),
                persons(text(row, 10, format)));
        // A cell already refused above (an unknown district) is not reported a second time as missing.
        var refused = errors.subList(before, errors.size()).stream()
                .map(RowError::field)
                .collect(java.util.stream.Collectors.toSet());
        for (var violation : validator.validate(clue)) {
            var path = violation.getPropertyPath().toString();
            if (refused.add(path)) {
                errors.add(new RowError(
                        number, path, violation.getMessageTemplate().replaceAll("[{}]", "")));
            }
        }
        return errors.size() == before ? clue : null;
    }

    private OffsetDateTime received(Cell cell, DataFormatter format, int number, List<RowError> errors) {
        if (cell == null) {
            errors.add(new RowError(number, "receivedAt", "validation.required"));
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().atZone(ClueIntake.CHINA).toOffsetDateTime();
        }
        var text = format.formatCellValue(cell).trim();
        for (var pattern : TIMES) {
            try {
                return LocalDateTime.parse(text, pattern)
                        .atZone(ClueIntake.CHINA)
                        .toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // the next pattern
            }
        }
        errors.add(new RowError(number, "receivedAt", "validation.format"));
        return null;
    }

    private <E extends Enum<E>> E choice(
            Class<E> type, String prefix, String text, int number, String field, List<RowError> errors) {
        for (var value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)
                    || messages.getMessage(prefix + value.name(), null, "", Locale.SIMPLIFIED_CHINESE)
                            .equals(text)) {
                return value;
            }
        }
        errors.add(new RowError(number, field, text.isEmpty() ? "validation.required" : "clue.import.unknownValue"));
        return null;
    }

    private Map<String, String> districtsByName(Jurisdiction scope) {
        var out = new HashMap<String, String>();
        for (var region : regions.within(scope, RegionLevel.DISTRICT)) {
            out.put(region.name(), region.code().value());
            out.put(region.code().value(), region.code().value());
        }
        return out;
    }

    private static List<NewClue.Person> persons(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split("[、,，;；]"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> new NewClue.Person(s, ""))
                .toList();
    }

    private static String text(Row row, int column, DataFormatter format) {
        var cell = row.getCell(column);
        return cell == null ? "" : format.formatCellValue(cell).trim();
    }

    private static boolean blank(Row row, DataFormatter format) {
        for (int c = 0; c <= 10; c++) {
            if (!text(row, c, format).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
