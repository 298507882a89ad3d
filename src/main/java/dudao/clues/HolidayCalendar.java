package dudao.clues;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** Weekends off, the configured public holidays off, the configured make-up days (调休) on. */
final class HolidayCalendar implements WorkingCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    HolidayCalendar(Collection<LocalDate> holidays, Collection<LocalDate> workdays) {
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
