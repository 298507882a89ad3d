package dudao.clues;

import java.time.LocalDate;

/**
 * Time limits in working days. Kept behind this small interface so that it can move to the shared deadlines module
 * (issue 4) without touching the clue workflow.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    /** The day on which a limit of {@code days} working days, counted from the day after {@code from}, runs out. */
    default LocalDate addWorkingDays(LocalDate from, int days) {
        var day = from;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
