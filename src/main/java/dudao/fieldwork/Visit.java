package dudao.fieldwork;

import dudao.campaign.GroupId;
import dudao.directory.RegionCode;
import dudao.directory.UnitId;
import java.time.LocalDate;

/** A recorded visit. */
public record Visit(
        long id,
        GroupId group,
        LocalDate day,
        RegionCode region,
        UnitId unit,
        String place,
        PlaceKind placeKind,
        VisitMode mode,
        boolean listedKeyArea,
        String findings) {}
