package dudao.clues;

/**
 * One line of the clue funnel as of a date: received → in scope → verified true → cases opened, with transfers and
 * closures beside it. A clue merged into another is counted once, as the clue it was merged into.
 *
 * @param key the district code, channel or category the line is for ({@code null} for the total)
 * @param label the district's name (channels and categories are labelled by the page)
 * @param daysToFirstReply average days from receipt to the first reply to the reporter, null when none yet
 * @param overdue clues past their handling time limit, neither verified nor closed by the end of the day
 */
public record FunnelRow(
        String key,
        String label,
        long received,
        long inScope,
        long transferred,
        long verifiedTrue,
        long cases,
        long closed,
        Double daysToFirstReply,
        long overdue) {

    /** Closed ÷ received, in percent with one decimal. */
    public double closureRate() {
        return received == 0 ? 0 : Math.round(closed * 1000.0 / received) / 10.0;
    }
}
