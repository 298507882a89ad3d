package dudao.fieldwork;

import dudao.campaign.GroupId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A group's submitted day: its counts, who submitted them last, and every correction with its reason. */
public record DayRecord(
        GroupId group,
        LocalDate day,
        List<Count> counts,
        String recordedBy,
        Instant recordedAt,
        int version,
        List<Correction> corrections) {

    public record Correction(String reason, String before, String after, String by, Instant at) {}

    public int amount(FieldworkKind kind) {
        return counts.stream()
                .filter(c -> c.kind() == kind)
                .mapToInt(Count::amount)
                .sum();
    }
}
