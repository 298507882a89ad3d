package dudao.rectification;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/problems/{id}/{transition}} and of the transition forms; each transition reads the
 * fields it needs: assign (leadUnit, assistingUnits, deadline), feedback (measures), reject (reason), accept (note),
 * extend (newDeadline, reason), decline-extension (reason), reopen (reason, deadline).
 */
record TransitionRequest(
        Long leadUnit,
        List<Long> assistingUnits,
        LocalDate deadline,
        LocalDate newDeadline,
        @Size(max = 4000, message = "{validation.tooLong}") String reason,
        @Size(max = 4000, message = "{validation.tooLong}") String note,
        @Size(max = 8000, message = "{validation.tooLong}") String measures,
        Long version) {

    static TransitionRequest empty() {
        return new TransitionRequest(null, null, null, null, null, null, null, null);
    }
}
