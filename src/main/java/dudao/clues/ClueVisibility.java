package dudao.clues;

import dudao.directory.Staff;
import java.util.ArrayList;
import java.util.List;

/**
 * Which clues a staff member may see, as one SQL condition on {@code clue c} that every list, page, search, export and
 * API answer of this module includes:
 *
 * <ul>
 *   <li>only clues inside the reader's jurisdiction;
 *   <li>never a clue that names the reader (as reported person or as official), matched on the account's name;
 *   <li>a clue naming officials (保护伞) goes to discipline and the city office (and the inspection group), and is
 *       never shown to a district office or a handling unit;
 *   <li>discipline sees only clues naming officials; a handling unit only the clues assigned to it; the leadership
 *       group and auditors read statistics and the audit trail, not clues.
 * </ul>
 */
record ClueVisibility(String sql, List<Object> params) {

    static ClueVisibility of(Staff me) {
        var params = new ArrayList<Object>();
        var sql = new StringBuilder("(c.region_path like ?");
        params.add(me.jurisdiction().likePattern());
        var names = namesOf(me.displayName());
        sql.append(" and not exists (select 1 from clue_person np where np.clue_id = c.id and np.name in (?, ?))");
        params.add(names[0]);
        params.add(names[1]);
        switch (me.role()) {
            case CITY_OFFICE, GROUP_LEADER, GROUP_MEMBER -> {}
            case DISCIPLINE -> sql.append(" and c.officials_named");
            case DISTRICT_OFFICE -> sql.append(" and not c.officials_named");
            case UNIT_HANDLER -> {
                sql.append(" and not c.officials_named and c.handling_unit_id = ?");
                params.add(me.unit() == null ? -1L : me.unit().value());
            }
            default -> sql.append(" and false");
        }
        sql.append(")");
        return new ClueVisibility(sql.toString(), List.copyOf(params));
    }

    /**
     * For counts only: the leadership group reads the figures of its jurisdiction, everyone else counts exactly the
     * clues they may see (so that a district office cannot learn even how many clues name its officials).
     */
    static ClueVisibility forStatistics(Staff me) {
        if (me.role() == dudao.directory.Role.LEADER) {
            return new ClueVisibility(
                    "(c.region_path like ?)", List.of(me.jurisdiction().likePattern()));
        }
        return of(me);
    }

    /**
     * A display name as accounts hold it ("江津区扫黑办 周丽") names the person by its last word; both the whole name and
     * that word count as the person being named.
     */
    static String[] namesOf(String displayName) {
        var whole = displayName == null ? "" : displayName.trim();
        var parts = whole.split("\\s+");
        return new String[] {whole, parts[parts.length - 1]};
    }
}
