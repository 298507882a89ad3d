package dudao.audit;

import java.time.Instant;

/** One entry of the trail as it is stored; {@code seq} is null for the moment between its commit and its chaining. */
public record AuditEntry(
        Long seq,
        Instant at,
        String actor,
        String role,
        String region,
        String action,
        String objectType,
        String objectId,
        Outcome outcome,
        String requestId,
        String details) {

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    /** The time as shown to auditors. */
    public String atUtc() {
        return SHOWN.format(at);
    }

    /**
     * The content the MAC covers, field by field with lengths so that no two different entries share it (a field
     * cannot leak into its neighbour).
     */
    String canonical() {
        var out = new StringBuilder();
        for (var field :
                new Object[] {seq, at, actor, role, region, action, objectType, objectId, outcome, requestId, details
                }) {
            var text = field == null ? "\u0000" : field.toString();
            out.append(text.length()).append(':').append(text).append('|');
        }
        return out.toString();
    }
}
