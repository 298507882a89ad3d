package dudao.directory;

/** A staff account as administrators see it: never its password or second-factor secret. */
public record Account(
        StaffId id,
        String username,
        String displayName,
        Role role,
        RegionCode region,
        String regionName,
        UnitId unit,
        String unitName,
        boolean enabled,
        boolean demo,
        boolean secondFactorRequired,
        boolean secondFactorEnrolled,
        boolean locked,
        int version,
        String email) {

    static final String SELECT = """
            select s.id, s.username, s.display_name, s.role, s.region_code, r.name as region_name, s.unit_id,
                   u.name as unit_name, s.enabled, s.demo, s.second_factor_required, s.totp_secret is not null as enrolled,
                   coalesce(s.locked_until > now(), false) as locked, s.version,
                   s.email
            from staff s join region r on r.code = s.region_code left join unit u on u.id = s.unit_id""";

    static Account map(java.sql.ResultSet rs) throws java.sql.SQLException {
        var unit = (Long) rs.getObject("unit_id");
        return new Account(
                new StaffId(rs.getLong("id")),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                new RegionCode(rs.getString("region_code")),
                rs.getString("region_name"),
                unit == null ? null : new UnitId(unit),
                rs.getString("unit_name"),
                rs.getBoolean("enabled"),
                rs.getBoolean("demo"),
                rs.getBoolean("second_factor_required"),
                rs.getBoolean("enrolled"),
                rs.getBoolean("locked"),
                rs.getInt("version"),
                rs.getString("email"));
    }

    /** Demo accounts and accounts exempted by an administrator sign in without a second factor. */
    public boolean secondFactorOff() {
        return demo || !secondFactorRequired;
    }
}
