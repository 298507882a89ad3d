package dudao.clues;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the clue list. The reporter appears only masked, never in clear (see {@link MaskedReporter}).
 */
public record ClueRow(
        long id,
        String serial,
        Channel channel,
        Instant receivedAt,
        String regionCode,
        String regionName,
        Integer groupNumber,
        ActivityCategory category,
        String summary,
        ClueStatus status,
        Scope scope,
        ActivityCategory subCategory,
        String handlingUnit,
        LocalDate dueOn,
        boolean overdue,
        VerifyResult result,
        boolean keyClue,
        boolean officialsNamed,
        boolean recheck,
        String mergedInto,
        MaskedReporter reporter) {}
