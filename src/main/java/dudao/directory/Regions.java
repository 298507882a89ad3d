package dudao.directory;

import dudao.platform.NotFound;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The region tree, read within a jurisdiction. */
@Service
@Transactional(readOnly = true)
public class Regions {

    private static final String COLUMNS = "code, parent_code, name, level, path";

    private final JdbcClient jdbc;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The region, wherever it is (for building a jurisdiction); empty if there is none. */
    public Optional<Region> find(RegionCode code) {
        return jdbc.sql("select " + COLUMNS + " from region where code = ?")
                .param(code.value())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The region if it lies inside the jurisdiction; otherwise the same "not found" as for a region that does not exist. */
    public Region require(RegionCode code, Jurisdiction scope) {
        return find(code).filter(scope::contains).orElseThrow(() -> new NotFound("region.notFound"));
    }

    /** The regions inside the jurisdiction, optionally only those of one level, in tree order. */
    public List<Region> within(Jurisdiction scope, RegionLevel level) {
        return jdbc.sql("select " + COLUMNS + " from region where path like ? and (?::text is null or level = ?)"
                        + " order by path")
                .params(scope.likePattern(), level == null ? null : level.name(), level == null ? null : level.name())
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The direct children of a region inside the jurisdiction, in their official order. */
    public List<Region> children(RegionCode parent, Jurisdiction scope) {
        return jdbc.sql("select " + COLUMNS + " from region where parent_code = ? and path like ? order by sort_order")
                .params(parent.value(), scope.likePattern())
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The 40 district-level units (or, for a district jurisdiction, its own). */
    public List<Region> districts(Jurisdiction scope) {
        return jdbc.sql("select " + COLUMNS
                        + " from region where level = 'DISTRICT' and path like ? order by sort_order")
                .param(scope.likePattern())
                .query((rs, n) -> map(rs))
                .list();
    }

    static Region map(java.sql.ResultSet rs) throws java.sql.SQLException {
        var parent = rs.getString("parent_code");
        return new Region(
                new RegionCode(rs.getString("code")),
                parent == null ? null : new RegionCode(parent),
                rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")),
                rs.getString("path"));
    }
}
