package dudao.portal;

import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Round;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.platform.NotFound;
import dudao.platform.Today;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The groups of the current round as the public sees them: the article's “各检查指导组进驻期间, 向社会公布举报电话和邮政举报
 * 专用信箱”. A group's hotline is shown as active only while the group is posted.
 */
@Component
class PublicGroups {

    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Today today;

    PublicGroups(Rounds rounds, InspectionGroups groups, Today today) {
        this.rounds = rounds;
        this.groups = groups;
        this.today = today;
    }

    record Shown(InspectionGroup group, boolean active) {}

    java.time.LocalDate today() {
        return today.date();
    }

    /**
     * The round running today (the newest begun, when rounds overlap), else the latest begun: as the problem pages
     * choose it, so a round set up in advance, or one that began later but has ended, does not take over the page.
     */
    Optional<Round> currentRound() {
        var day = today.date();
        return rounds.runningOn(day).stream().findFirst().or(() -> rounds.latest(day));
    }

    List<Shown> current() {
        var day = today.date();
        return currentRound()
                .map(round -> groups.ofRound(round.id(), Jurisdiction.wholeCity()).stream()
                        .sorted(Comparator.comparingInt(InspectionGroup::number))
                        .map(g -> new Shown(g, g.postedOn(day)))
                        .toList())
                .orElse(List.of());
    }

    Shown number(int number) {
        return current().stream()
                .filter(s -> s.group().number() == number)
                .findFirst()
                .orElseThrow(() -> new NotFound("portal.group.notFound"));
    }
}
