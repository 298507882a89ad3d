package dudao.fieldwork;

import dudao.campaign.InspectionGroups;
import dudao.campaign.Rounds;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.platform.Actor;
import dudao.platform.HomeSection;
import dudao.platform.Today;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * On the home page: a group member whose group has not yet reported today is reminded; the city office (and a
 * district office, for its district) sees, for every round under way, which groups have not reported today.
 */
@Component
class FieldworkHomeSection implements HomeSection {

    private final FieldworkLog fieldwork;
    private final InspectionGroups groups;
    private final Rounds rounds;
    private final Today today;

    FieldworkHomeSection(FieldworkLog fieldwork, InspectionGroups groups, Rounds rounds, Today today) {
        this.fieldwork = fieldwork;
        this.groups = groups;
        this.rounds = rounds;
        this.today = today;
    }

    @Override
    public String titleKey() {
        return "fieldwork.home.title";
    }

    @Override
    public List<Item> itemsFor(Actor reader) {
        if (!(reader instanceof Staff me)) {
            return List.of();
        }
        var day = today.date();
        var items = new ArrayList<Item>();
        for (var group : groups.ofMember(me.id())) {
            if (group.postedOn(day)
                    && fieldwork.day(group.id(), day, me.jurisdiction()).isEmpty()) {
                items.add(new Item(
                        "fieldwork.home.reportToday",
                        List.of(group.number(), day.toString()),
                        "/groups/" + group.id() + "/fieldwork?date=" + day));
            }
        }
        if (me.is(Role.CITY_OFFICE, Role.DISTRICT_OFFICE, Role.LEADER)) {
            // Every round under way today, not only the newest: two campaigns can run side by side.
            for (var round : rounds.runningOn(day)) {
                var missing = fieldwork.notReported(round.id(), day, me.jurisdiction());
                if (!missing.isEmpty()) {
                    items.add(new Item(
                            "fieldwork.home.notReported",
                            List.of(
                                    missing.size(),
                                    day.toString(),
                                    round.name(),
                                    missing.stream()
                                            .map(g -> Integer.toString(g.number()))
                                            .collect(Collectors.joining("、"))),
                            "/rounds/" + round.id() + "/bulletin?date=" + day));
                }
            }
        }
        return items;
    }
}
