package dudao.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A dated sweep of groups over districts, in phases. */
public record Round(
        RoundId id, CampaignId campaign, String name, LocalDate startsOn, LocalDate endsOn, List<Phase> phases) {

    /** A phase of the round with its dates; phases lie inside the round and follow each other. */
    public record Phase(PhaseKind kind, String name, LocalDate startsOn, LocalDate endsOn) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** The phase a day falls in, if any. */
    public Optional<Phase> phaseOn(LocalDate day) {
        return phases.stream().filter(p -> p.contains(day)).findFirst();
    }

    /** The round's days, first to last. */
    public List<LocalDate> days() {
        return startsOn.datesUntil(endsOn.plusDays(1)).toList();
    }
}
