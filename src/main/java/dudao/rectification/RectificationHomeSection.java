package dudao.rectification;

import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.platform.Actor;
import dudao.platform.HomeSection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the home page, the problems waiting for the reader: a unit's handler sees those to acknowledge or to report back
 * on; groups and the city office those whose feedback awaits verification, the extensions awaiting approval and the
 * scheduled look-backs (回头看) that are due;
 * district offices those still to be assigned.
 */
@Component
class RectificationHomeSection implements HomeSection {

    private static final int LIMIT = 10;

    private final JdbcClient jdbc;
    private final LookBacks lookBacks;

    RectificationHomeSection(JdbcClient jdbc, LookBacks lookBacks) {
        this.jdbc = jdbc;
        this.lookBacks = lookBacks;
    }

    @Override
    public String titleKey() {
        return "problems.home.title";
    }

    @Override
    public List<Item> itemsFor(Actor reader) {
        if (!(reader instanceof Staff staff)) {
            return List.of();
        }
        var items = new ArrayList<Item>();
        if (staff.role() == Role.UNIT_HANDLER && staff.unit() != null) {
            items.addAll(query(
                    "problems.home.toAcknowledge",
                    " join problem_unit pu on pu.problem_id = p.id and pu.unit_id = ? where pu.status = 'ASSIGNED'",
                    staff.unit().value()));
            items.addAll(query(
                    "problems.home.toReportBack",
                    " join problem_unit pu on pu.problem_id = p.id and pu.unit_id = ? where pu.status = 'RECTIFYING'",
                    staff.unit().value()));
        } else if (staff.is(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER)) {
            var scope = staff.jurisdiction().likePattern();
            items.addAll(query(
                    "problems.home.toVerify",
                    " where p.status = 'FEEDBACK_SUBMITTED' and p.region_path like ?",
                    scope));
            if (staff.is(Role.CITY_OFFICE, Role.GROUP_LEADER)) {
                items.addAll(query(
                        "problems.home.toApproveExtension",
                        " where p.ext_requested_by is not null and p.status in ('ASSIGNED', 'RECTIFYING')"
                                + " and p.region_path like ?",
                        scope));
            }
            lookBacks.open(staff, LIMIT).stream()
                    .map(l -> new Item(
                            "problems.home.toLookBack",
                            List.of(
                                    l.title(),
                                    l.dueOn().toString(),
                                    l.closedOn().toString()),
                            "/problems/" + l.problem().value()))
                    .forEach(items::add);
        } else if (staff.role() == Role.DISTRICT_OFFICE) {
            items.addAll(query(
                    "problems.home.toAssign",
                    " where p.status = 'RECORDED' and p.region_path like ?",
                    staff.jurisdiction().likePattern()));
        }
        return items;
    }

    private List<Item> query(String key, String where, Object param) {
        return jdbc.sql("select p.id, p.title, p.deadline from problem p" + where
                        + " order by p.deadline nulls last, p.id limit " + LIMIT)
                .param(param)
                .query((rs, n) -> new Item(
                        key,
                        List.of(
                                rs.getString("title"),
                                rs.getObject("deadline") == null ? "" : rs.getString("deadline")),
                        "/problems/" + rs.getLong("id")))
                .list();
    }
}
