package dudao.directory;

import dudao.platform.NotFound;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The units that can be given work, read within a jurisdiction. */
@Service
@Transactional(readOnly = true)
public class Units {

    private static final String SELECT = """
            select u.id, u.name, u.kind, u.region_code, r.name as region_name, r.path
            from unit u join region r on r.code = u.region_code""";

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit if it lies inside the jurisdiction; otherwise "not found", as for one that does not exist. */
    public Unit require(UnitId id, Jurisdiction scope) {
        return find(id).filter(u -> scope.contains(u.regionPath())).orElseThrow(() -> new NotFound("unit.notFound"));
    }

    Optional<Unit> find(UnitId id) {
        return jdbc.sql(SELECT + " where u.id = ?")
                .param(id.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Units inside the jurisdiction, optionally only those of one region and below, and of one kind. */
    public List<Unit> within(Jurisdiction scope, RegionCode under, String kind) {
        var pattern = scope.likePattern();
        if (under != null) {
            var region = jdbc.sql("select path from region where code = ?")
                    .param(under.value())
                    .query(String.class)
                    .optional()
                    .filter(scope::contains)
                    .orElseThrow(() -> new NotFound("region.notFound"));
            pattern = region + "%";
        }
        return jdbc.sql(SELECT + " where r.path like ? and (?::text is null or u.kind = ?) order by r.path, u.id")
                .params(pattern, kind, kind)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The unit of a region with the given name, if there is one (used by demo data and imports). */
    public Optional<Unit> named(RegionCode region, String name) {
        return jdbc.sql(SELECT + " where u.region_code = ? and u.name = ?")
                .params(region.value(), name)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static Unit map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Unit(
                new UnitId(rs.getLong("id")),
                rs.getString("name"),
                rs.getString("kind"),
                new RegionCode(rs.getString("region_code")),
                rs.getString("region_name"),
                rs.getString("path"));
    }
}
