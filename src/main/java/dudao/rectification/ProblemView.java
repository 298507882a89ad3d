package dudao.rectification;

import dudao.deadlines.Warning;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A problem as its page and {@code GET /api/v1/problems/{id}} show it: the record, its units and its timeline. */
public record ProblemView(
        ProblemId id,
        long version,
        long campaignId,
        long roundId,
        long groupId,
        int groupNumber,
        String regionCode,
        String regionName,
        String regionPath,
        Long focusAreaId,
        String focusAreaName,
        Source source,
        String title,
        String description,
        String responsibility,
        String suggestion,
        String evidence,
        ProblemStatus status,
        int cycle,
        LocalDate deadline,
        Warning warning,
        boolean overdue,
        Instant recordedAt,
        String recordedBy,
        List<UnitView> units,
        Problem.Extension pendingExtension,
        List<Entry> timeline) {

    /** A responsible unit with its name and own status. */
    public record UnitView(long unitId, String name, boolean lead, UnitStatus status) {}

    /** A timeline entry with the evidence files attached to it. */
    public record Entry(
            long id,
            Step step,
            int cycle,
            String byName,
            String unitName,
            Instant at,
            ProblemStatus status,
            LocalDate deadline,
            LocalDate previousDeadline,
            String text,
            List<EvidenceFile> files) {}

    /** An evidence file's description; the content is downloaded separately. */
    public record EvidenceFile(long id, String fileName, String contentType, long sizeBytes) {}
}
