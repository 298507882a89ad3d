package dudao.audit;

/**
 * The answer of {@link AuditTrail#verify()}.
 *
 * @param ok whether every entry and the head are intact
 * @param checked how many entries were checked
 * @param firstBrokenSeq the first entry that does not match its chain, or null
 */
public record Verification(boolean ok, long checked, Long firstBrokenSeq) {}
