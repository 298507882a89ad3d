package dudao.fieldwork;

import dudao.campaign.GroupId;
import dudao.campaign.RoundId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fieldwork part of a round's daily bulletin for a date: each group's figures of the day and cumulated to the day,
 * and the totals over the groups in the reader's jurisdiction (city-wide for the city office). Groups posted that day
 * that have not reported are flagged. The day's visits of those groups follow: each group's open and covert visits
 * of the day on its line, and the visits themselves.
 */
public record Bulletin(
        RoundId round,
        String roundName,
        LocalDate date,
        List<BulletinColumn> columns,
        List<Line> groups,
        Map<BulletinColumn, Long> totalDay,
        Map<BulletinColumn, Long> totalCumulative,
        List<Integer> notReported,
        List<DayVisit> visits) {

    /** One group's line, with its open (明察) and covert (暗访) visits of the day. */
    public record Line(
            GroupId group,
            int number,
            String region,
            boolean posted,
            boolean reported,
            Map<BulletinColumn, Long> day,
            Map<BulletinColumn, Long> cumulative,
            int openVisits,
            int covertVisits) {}

    /** A visit of the day: which group, where, open or covert, and whether the place is a listed key area. */
    public record DayVisit(
            long id,
            GroupId group,
            int groupNumber,
            String place,
            PlaceKind placeKind,
            VisitMode mode,
            boolean listedKeyArea) {}

    /** The day's open visits of all the groups. */
    public long openVisitsOfDay() {
        return visits.stream().filter(v -> v.mode() == VisitMode.OPEN).count();
    }

    /** The day's covert visits of all the groups. */
    public long covertVisitsOfDay() {
        return visits.stream().filter(v -> v.mode() == VisitMode.COVERT).count();
    }
}
