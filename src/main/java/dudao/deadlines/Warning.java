package dudao.deadlines;

import java.time.LocalDate;

/** The graded warning of an open deadline: green while there is time, yellow when it is near, red when passed. */
public enum Warning {
    GREEN,
    YELLOW,
    RED;

    public static Warning of(LocalDate due, LocalDate today, DeadlinePolicy policy) {
        if (due.isBefore(today)) {
            return RED;
        }
        return today.isBefore(due.minusDays(policy.yellowDays())) ? GREEN : YELLOW;
    }

    public String messageKey() {
        return "deadlines.warning." + name();
    }
}
