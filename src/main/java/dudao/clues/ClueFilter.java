package dudao.clues;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the clue list (线索清单) can be narrowed by; every field optional.
 *
 * @param q a keyword in the description, place or named persons
 * @param region a district code
 */
public record ClueFilter(
        @Size(max = 100, message = "{validation.tooLong}") String q,
        ClueStatus status,
        Channel channel,
        @Size(max = 20, message = "{validation.tooLong}") String region,
        Scope scope,
        ActivityCategory category,
        Boolean key,
        Boolean officials,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public static ClueFilter none() {
        return new ClueFilter(null, null, null, null, null, null, null, null, null, null);
    }
}
