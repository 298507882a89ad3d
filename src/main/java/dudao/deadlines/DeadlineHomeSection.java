package dudao.deadlines;

import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.platform.Actor;
import dudao.platform.HomeSection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * On the home page: for a unit's handler, the reminders, notices and accountability records of its open work; for
 * groups and offices, the notices and accountability records within their jurisdiction.
 */
@Component
class DeadlineHomeSection implements HomeSection {

    private static final int LIMIT = 15;

    private final Deadlines deadlines;

    DeadlineHomeSection(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public String titleKey() {
        return "deadlines.home.title";
    }

    @Override
    public List<Item> itemsFor(Actor reader) {
        if (!(reader instanceof Staff staff)) {
            return List.of();
        }
        List<IssuedStep> steps;
        if (staff.role() == Role.UNIT_HANDLER) {
            steps = staff.unit() == null
                    ? List.of()
                    : deadlines.forUnit(staff.unit().value(), LIMIT);
        } else if (staff.is(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER, Role.DISTRICT_OFFICE)) {
            steps = deadlines.escalationsWithin(staff.jurisdiction().likePattern(), LIMIT);
        } else {
            steps = List.of();
        }
        return steps.stream()
                .map(s -> new Item(DeadlineTexts.key(s), List.of(DeadlineTexts.arguments(s)), s.href()))
                .toList();
    }
}
