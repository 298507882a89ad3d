package dudao.directory;

import java.time.Instant;

/** A staff account as stored, with what sign-in needs. Package-private: others see {@link Staff} and {@link Account}. */
record AccountRow(
        long id,
        String username,
        String displayName,
        String passwordHash,
        Role role,
        String region,
        String regionName,
        String regionPath,
        Long unitId,
        boolean enabled,
        boolean demo,
        boolean secondFactorRequired,
        String totpSecret,
        Long totpLastStep,
        int failedSignIns,
        Instant lockedUntil) {

    static final String SELECT = """
            select s.id, s.username, s.display_name, s.password_hash, s.role, s.region_code, r.name as region_name,
                   r.path, s.unit_id, s.enabled, s.demo, s.second_factor_required, s.totp_secret, s.totp_last_step,
                   s.failed_sign_ins, s.locked_until
            from staff s join region r on r.code = s.region_code""";

    static AccountRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
        var locked = rs.getTimestamp("locked_until");
        return new AccountRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getString("region_code"),
                rs.getString("region_name"),
                rs.getString("path"),
                (Long) rs.getObject("unit_id"),
                rs.getBoolean("enabled"),
                rs.getBoolean("demo"),
                rs.getBoolean("second_factor_required"),
                rs.getString("totp_secret"),
                (Long) rs.getObject("totp_last_step"),
                rs.getInt("failed_sign_ins"),
                locked == null ? null : locked.toInstant());
    }

    /** Demo accounts sign in with the password alone; every other account needs the second factor. */
    boolean needsSecondFactor() {
        return secondFactorRequired && !demo;
    }

    Staff toStaff() {
        var code = new RegionCode(region);
        return new Staff(
                new StaffId(id),
                username,
                displayName,
                role,
                code,
                regionName,
                new Jurisdiction(code, regionPath),
                unitId == null ? null : new UnitId(unitId),
                !needsSecondFactor());
    }
}
