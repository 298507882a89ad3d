package dudao.clues;

import java.util.List;

/**
 * A clue like another: {@code likelyDuplicate} when the texts are similar or the same phone or ID number reported
 * it; merely related when it only shares a named person or organisation.
 */
public record SimilarClue(
        long id,
        String serial,
        ClueStatus status,
        String regionName,
        String summary,
        double score,
        List<String> reasons,
        boolean likelyDuplicate) {}
