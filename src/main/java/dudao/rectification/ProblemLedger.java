package dudao.rectification;

import dudao.campaign.Campaigns;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.deadlines.Deadlines;
import dudao.directory.Jurisdiction;
import dudao.directory.Staff;
import dudao.directory.Units;
import dudao.platform.BadInput;
import dudao.platform.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The problem list as an Excel ledger (整改台账), and the import of an existing ledger: every row is checked by the
 * same rules as the forms; if any row is bad, nothing is imported and each bad row is reported with its number and
 * the reason.
 */
@Component
class ProblemLedger {

    static final String[] EXPORT_COLUMNS = {"编号", "检查指导组", "区域", "重点领域", "问题摘要", "牵头单位", "整改期限", "状态", "是否逾期", "整改轮次"};

    /** The columns an imported ledger must have, in this order. */
    static final String[] IMPORT_COLUMNS = {"检查指导组", "区域编码", "重点领域", "问题摘要", "问题描述", "责任", "整改建议", "牵头单位", "整改期限"};

    static final int MAX_ROWS = 5000;

    /** The most problems one export holds; a wider ledger is narrowed with the list's filters. */
    static final int MAX_EXPORT_ROWS = 100_000;

    /** A bad row: its number as Excel shows it, and the reason in the reader's language. */
    record BadRow(int row, String reason) {}

    /** The outcome of an import: how many problems were recorded, or the bad rows (and then none was). */
    record ImportResult(int imported, List<BadRow> badRows) {}

    private final ProblemList problems;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Campaigns campaigns;
    private final Units units;
    private final Deadlines deadlines;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    ProblemLedger(
            ProblemList problems,
            Rounds rounds,
            InspectionGroups groups,
            Campaigns campaigns,
            Units units,
            Deadlines deadlines,
            MessageSource messages,
            PlatformTransactionManager transactions) {
        this.problems = problems;
        this.rounds = rounds;
        this.groups = groups;
        this.campaigns = campaigns;
        this.units = units;
        this.deadlines = deadlines;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * The ledger as Excel: at most {@link #MAX_EXPORT_ROWS} problems of the filter, in list order, read by one
     * streaming query with the list's scope and streamed to the sheet (a city-wide ledger of 200,000 problems must not
     * sit in memory as cells, nor be read page after page).
     */
    byte[] export(ProblemFilter filter, Staff by, Locale locale) {
        return dudao.platform.Spreadsheets.streamed(
                "整改台账",
                List.of(EXPORT_COLUMNS),
                sheet -> problems.each(
                        filter,
                        by,
                        MAX_EXPORT_ROWS,
                        p -> sheet.accept(java.util.Arrays.asList(
                                p.id(),
                                p.groupNumber(),
                                p.regionName(),
                                p.focusAreaName() == null ? "" : p.focusAreaName(),
                                p.title(),
                                p.leadUnitName() == null ? "" : p.leadUnitName(),
                                p.deadline() == null ? "" : p.deadline().toString(),
                                messages.getMessage(p.status().messageKey(), null, locale),
                                p.overdue() ? "是" : "否",
                                p.cycle()))));
    }

    ImportResult importLedger(RoundId roundId, InputStream content, Staff by, Locale locale) {
        var round = rounds.find(roundId).orElseThrow(() -> new BadInput("round", "problem.round.unknown"));
        var focusAreas = campaigns.require(round.campaign()).focusAreas();
        List<List<String>> rows;
        try (var book = new XSSFWorkbook(content)) {
            rows = read(book);
        } catch (IOException | RuntimeException e) {
            throw new BadInput("file", "ledger.unreadable");
        }
        if (rows.isEmpty()
                || !List.of(IMPORT_COLUMNS)
                        .equals(rows.get(0).subList(0, Math.min(rows.get(0).size(), IMPORT_COLUMNS.length)))) {
            throw new BadInput("file", "ledger.columns", String.join("、", IMPORT_COLUMNS));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new BadInput("file", "ledger.tooManyRows", MAX_ROWS);
        }
        var today = deadlines.today();
        var bad = new ArrayList<BadRow>();
        var imported = transactions.execute(tx -> {
            int count = 0;
            for (int i = 1; i < rows.size(); i++) {
                var cells = rows.get(i);
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                int excelRow = i + 1;
                try {
                    var group = group(round.id(), cells.get(0));
                    var area = cells.get(2).isBlank()
                            ? null
                            : focusAreas.stream()
                                    .filter(f -> f.name().equals(cells.get(2).trim()))
                                    .findFirst()
                                    .orElseThrow(() -> new BadInput("focusArea", "problem.focusArea.unknown"));
                    if (cells.get(3).isBlank() || cells.get(4).isBlank()) {
                        throw new BadInput("title", "ledger.titleAndDescriptionRequired");
                    }
                    var id = problems.record(
                            new NewProblem(
                                    round.id().value(),
                                    group.id().value(),
                                    cells.get(1).trim(),
                                    area == null ? null : area.id().value(),
                                    Source.IMPORT,
                                    limit(cells.get(3), 200),
                                    limit(cells.get(4), 4000),
                                    blank(cells.get(5)),
                                    blank(cells.get(6)),
                                    null),
                            by);
                    if (!cells.get(7).isBlank()) {
                        var unit = units.named(group.region(), cells.get(7).trim())
                                .or(() -> units.within(Jurisdiction.wholeCity(), group.region(), null).stream()
                                        .filter(u ->
                                                u.name().equals(cells.get(7).trim()))
                                        .findFirst())
                                .orElseThrow(() -> new BadInput(
                                        "leadUnit",
                                        "ledger.unitUnknown",
                                        cells.get(7).trim()));
                        LocalDate deadline;
                        try {
                            deadline = LocalDate.parse(cells.get(8).trim());
                        } catch (RuntimeException e) {
                            throw new BadInput("deadline", "ledger.deadlineFormat");
                        }
                        problems.assign(
                                id, new ProblemList.Assignment(unit.id().value(), List.of(), deadline), null, by);
                    }
                    count++;
                } catch (UserFacingException e) {
                    bad.add(new BadRow(
                            excelRow, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
                }
            }
            if (!bad.isEmpty()) {
                tx.setRollbackOnly();
                return 0;
            }
            return count;
        });
        return new ImportResult(imported == null ? 0 : imported, List.copyOf(bad));
    }

    private InspectionGroup group(RoundId round, String number) {
        int n;
        try {
            n = (int) Double.parseDouble(number.trim());
        } catch (RuntimeException e) {
            throw new BadInput("group", "problem.group.unknown");
        }
        return groups.ofRound(round, Jurisdiction.wholeCity()).stream()
                .filter(g -> g.number() == n)
                .findFirst()
                .orElseThrow(() -> new BadInput("group", "problem.group.unknown"));
    }

    private static List<List<String>> read(XSSFWorkbook book) {
        var sheet = book.getSheetAt(0);
        var format = new DataFormatter();
        var rows = new ArrayList<List<String>>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            var cells = new ArrayList<String>();
            for (int c = 0; c < IMPORT_COLUMNS.length; c++) {
                var cell = row == null ? null : row.getCell(c);
                if (cell == null) {
                    cells.add("");
                } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                    cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                } else {
                    cells.add(format.formatCellValue(cell).trim());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String limit(String text, int max) {
        var t = text.trim();
        if (t.length() > max) {
            throw new BadInput("title", "validation.tooLong");
        }
        return t;
    }
}
