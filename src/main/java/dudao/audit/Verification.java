package dudao.audit;

/**
 * The answer of {@link AuditTrail#verify()}.
 *
 * @param ok whether every entry and the head are intact
 * @param checked how many entries were checked
 * @param firstBrokenSeq the first entry that does not match its chain, or null
 * @param pending entries committed but not yet chained (normally none: they are chained right after their commit)
 */
public record Verification(boolean ok, long checked, Long firstBrokenSeq, long pending) {}
