package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Time limits in working days on the Chinese calendar. */
class WorkingCalendarTests {

    private final WorkingCalendar calendar = new HolidayCalendar(ChinaHolidays.HOLIDAYS, ChinaHolidays.WORKDAYS);

    @Test
    void skipsWeekends() {
        // Friday 2018-07-20 + 1 working day = Monday 2018-07-23.
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 7, 20), 1)).isEqualTo(LocalDate.of(2018, 7, 23));
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 7, 16), 10)).isEqualTo(LocalDate.of(2018, 7, 30));
    }

    @Test
    void skipsNationalDayHolidayAndCountsMakeUpWeekend() {
        // 2018-09-28 (Fri) + 1: Saturday 09-29 is a make-up working day.
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 9, 28), 1)).isEqualTo(LocalDate.of(2018, 9, 29));
        // 2018-09-30 (Sun, make-up day) + 1: 10-01…10-07 are holidays, so 10-08.
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 9, 30), 1)).isEqualTo(LocalDate.of(2018, 10, 8));
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 10, 3))).isFalse();
    }
}
