package dudao.campaign;

import dudao.directory.RegionCode;
import dudao.directory.StaffId;
import java.time.Instant;

/** Published when a group assesses a checklist item as failing for its district: a new finding. */
public record ChecklistItemFailed(
        FindingId finding,
        RoundId round,
        GroupId group,
        RegionCode district,
        FocusAreaId focusArea,
        StaffId by,
        Instant at) {}
