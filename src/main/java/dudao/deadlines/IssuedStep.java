package dudao.deadlines;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rung of the ladder that was issued: on which day, by when it must be answered, and for a supervision notice its
 * number (渝扫黑办督〔2018〕12号).
 */
public record IssuedStep(
        long id,
        Subject subject,
        Rung rung,
        int cycle,
        LocalDate due,
        LocalDate issuedOn,
        Instant issuedAt,
        LocalDate respondBy,
        String number,
        Long unitId,
        String title,
        String href) {}
