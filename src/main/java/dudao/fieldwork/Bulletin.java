package dudao.fieldwork;

import dudao.campaign.GroupId;
import dudao.campaign.RoundId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fieldwork part of a round's daily bulletin for a date: each group's figures of the day and cumulated to the day,
 * and the totals over the groups in the reader's jurisdiction (city-wide for the city office). Groups posted that day
 * that have not reported are flagged.
 */
public record Bulletin(
        RoundId round,
        String roundName,
        LocalDate date,
        List<BulletinColumn> columns,
        List<Line> groups,
        Map<BulletinColumn, Long> totalDay,
        Map<BulletinColumn, Long> totalCumulative,
        List<Integer> notReported) {

    /** One group's line. */
    public record Line(
            GroupId group,
            int number,
            String region,
            boolean posted,
            boolean reported,
            Map<BulletinColumn, Long> day,
            Map<BulletinColumn, Long> cumulative) {}
}
