package dudao.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@link AuditTrail#verify()}.
 *
 * @param ok whether every entry and the head are intact
 * @param checked how many entries were checked
 * @param firstBrokenSeq the first entry that does not match its chain, or null (always in the JSON answer, as null
 *     when the chain is intact, so a client never mistakes a missing field for a break)
 * @param pending entries committed but not yet chained (normally none: they are chained right after their commit)
 */
public record Verification(
        boolean ok,
        long checked,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long firstBrokenSeq,
        long pending) {}
