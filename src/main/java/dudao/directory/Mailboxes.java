package dudao.directory;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff e-mail addresses through which a unit, or the people answerable for a place, are reached: only enabled
 * accounts that have an address.
 */
@Service
@Transactional(readOnly = true)
public class Mailboxes {

    private final JdbcClient jdbc;

    Mailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The addresses of a unit's staff. */
    public List<String> ofUnit(UnitId unit) {
        return jdbc.sql("select email from staff where unit_id = ? and enabled and email is not null order by id")
                .param(unit.value())
                .query(String.class)
                .list();
    }

    /**
     * The addresses of staff in the given roles whose place contains the given region (its path, e.g.
     * {@code /500000/500116/}): the group and district office stationed over a problem, the city-wide discipline
     * office.
     */
    public List<String> covering(String regionPath, Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select s.email from staff s join region r on r.code = s.region_code
                where s.enabled and s.email is not null and ? like r.path || '%'
                  and s.role in (:roles) order by s.id""".replace(
                        ":roles", String.join(", ", roles.stream().map(r -> "?").toList())))
                .params(params(regionPath, roles))
                .query(String.class)
                .list();
    }

    private static List<Object> params(String regionPath, Set<Role> roles) {
        var params = new java.util.ArrayList<Object>();
        params.add(regionPath);
        roles.forEach(r -> params.add(r.name()));
        return params;
    }

    /** Sets an account's address (the demo accounts get theirs at start). */
    @Transactional
    void set(String username, String email) {
        jdbc.sql("update staff set email = ? where username = ? and email is distinct from ?")
                .params(email, username, email)
                .update();
    }
}
