package dudao.clues;

import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.platform.Actor;
import dudao.platform.HomeSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The clues waiting for the reader: to triage, to verify, to review, to close. */
@Component
class ClueHomeSection implements HomeSection {

    private final ClueList list;

    ClueHomeSection(ClueList list) {
        this.list = list;
    }

    @Override
    public String titleKey() {
        return "clue.home.title";
    }

    @Override
    public List<Item> itemsFor(Actor reader) {
        if (!(reader instanceof Staff me) || me.is(Role.LEADER, Role.AUDITOR)) {
            return List.of();
        }
        var items = new ArrayList<Item>();
        if (me.is(Role.UNIT_HANDLER)) {
            add(items, me, ClueStatus.ASSIGNED, "clue.home.toVerify");
            return items;
        }
        add(items, me, ClueStatus.RECEIVED, "clue.home.toTriage");
        if (me.is(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.DISCIPLINE)) {
            add(items, me, ClueStatus.VERIFIED, "clue.home.toReview");
        }
        add(items, me, ClueStatus.REVIEWED, "clue.home.toClose");
        return items;
    }

    private void add(List<Item> items, Staff me, ClueStatus status, String key) {
        var filter = new ClueFilter(null, status, null, null, null, null, null, null, null, null);
        long n = list.count(filter, me);
        if (n > 0) {
            items.add(new Item(key, List.of(n), "/clues?status=" + status));
        }
    }
}
