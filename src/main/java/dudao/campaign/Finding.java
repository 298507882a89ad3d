package dudao.campaign;

import dudao.directory.RegionCode;
import dudao.directory.StaffId;
import java.time.Instant;

/**
 * A checklist item a group assessed as failing for its district: what the rectification module raises a problem from
 * (pre-filled with the district, the focus area and the text).
 */
public record Finding(
        FindingId id,
        RoundId round,
        GroupId group,
        int groupNumber,
        RegionCode district,
        String districtName,
        FocusAreaId focusArea,
        String focusAreaName,
        ChecklistItemId item,
        String itemText,
        String notes,
        String evidence,
        StaffId assessedBy,
        Instant assessedAt) {}
