package dudao.fieldwork;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A visit to record: the day, the place (a region code in the district, a unit, or just a name such as “沙坪坝火车站”),
 * its kind, open or covert, whether it is a listed key area (also true when the region is one; left out, false), and
 * the findings.
 */
public record NewVisit(
        @NotNull(message = "{validation.required}") LocalDate day,
        @Size(max = 20, message = "{validation.tooLong}") String region,
        Long unit,
        @Size(max = 200, message = "{validation.tooLong}") String place,
        @NotNull(message = "{validation.required}") PlaceKind placeKind,
        @NotNull(message = "{validation.required}") VisitMode mode,
        Boolean listedKeyArea,
        @Size(max = 2000, message = "{validation.tooLong}") String findings) {}
