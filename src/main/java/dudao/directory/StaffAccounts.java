package dudao.directory;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Paged;
import dudao.platform.StaleRecord;
import dudao.platform.WorkflowViolation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff account administration: create, disable and enable, reset, give a role and a place. Every change is in the
 * audit trail with who made it. Accounts are only seen within the administrator's jurisdiction. Disabling, resetting
 * or moving an account ends its page sessions and API tokens, which would otherwise keep the old role and place.
 */
@Service
@Transactional
public class StaffAccounts {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Units units;
    private final PasswordEncoder passwords;
    private final ApiTokens tokens;
    private final SignedInSessions sessions;
    private final AuditTrail audit;

    StaffAccounts(
            JdbcClient jdbc,
            Regions regions,
            Units units,
            PasswordEncoder passwords,
            ApiTokens tokens,
            SignedInSessions sessions,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.units = units;
        this.passwords = passwords;
        this.tokens = tokens;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** An account just created or reset, with the temporary password to hand over once. */
    public record Created(StaffId id, String temporaryPassword) {

        @Override
        public String toString() {
            return "Created[id=" + id + ", temporaryPassword=***]";
        }
    }

    public Created create(NewAccount account, Staff by) {
        var username = account.username().trim().toLowerCase();
        if (jdbc.sql("select count(*) from staff where username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new BadInput("username", "account.username.taken");
        }
        var region = regions.require(new RegionCode(account.region().trim()), by.jurisdiction());
        checkCityLevel(account.role(), region);
        var unit = checkedUnit(account.role(), region, account.unit(), by);
        var password = temporaryPassword();
        var id = jdbc.sql("""
                insert into staff (username, display_name, password_hash, role, region_code, unit_id)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        username,
                        account.displayName().trim(),
                        passwords.encode(password),
                        account.role().name(),
                        region.code().value(),
                        unit)
                .query(Long.class)
                .single();
        audit.record(
                "ACCOUNT_CREATE",
                "account",
                username,
                Outcome.SUCCESS,
                "role=" + account.role() + " region=" + region.code() + (unit == null ? "" : " unit=" + unit));
        return new Created(new StaffId(id), password);
    }

    /** Creates an account with a given password (demo data and the first administrator); audited like any other. */
    Created createWithPassword(NewAccount account, String password, boolean demo) {
        var region = regions.find(new RegionCode(account.region())).orElseThrow(() -> new NotFound("region.notFound"));
        var id = jdbc.sql("""
                insert into staff (username, display_name, password_hash, role, region_code, unit_id, demo)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        account.username(),
                        account.displayName(),
                        passwords.encode(password),
                        account.role().name(),
                        region.code().value(),
                        account.unit(),
                        demo)
                .query(Long.class)
                .single();
        audit.record(
                "ACCOUNT_CREATE",
                "account",
                account.username(),
                Outcome.SUCCESS,
                "role=" + account.role() + " region=" + region.code() + (demo ? " demo" : ""));
        return new Created(new StaffId(id), null);
    }

    public void disable(StaffId id, Staff by) {
        var account = require(id, by.jurisdiction());
        if (account.id().equals(by.id())) {
            throw new WorkflowViolation("account.disable.self");
        }
        jdbc.sql("update staff set enabled = false, version = version + 1 where id = ?")
                .param(id.value())
                .update();
        tokens.revokeAll(id.value());
        sessions.endAllOf(account.username());
        audit.record("ACCOUNT_DISABLE", "account", account.username(), Outcome.SUCCESS, null);
    }

    /**
     * The work e-mail address where reminders, supervision notices and accountability records go when the installation
     * has an SMTP server; blank removes it. The audit trail records that it changed, not the address.
     */
    public void setEmail(StaffId id, String email, Staff by) {
        var account = require(id, by.jurisdiction());
        var address = email == null || email.isBlank() ? null : email.strip();
        if (address != null
                && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            throw new dudao.platform.BadInput("email", "account.email.format");
        }
        jdbc.sql("update staff set email = ?, version = version + 1 where id = ?")
                .params(address, id.value())
                .update();
        audit.record(
                "ACCOUNT_EMAIL", "account", account.username(), Outcome.SUCCESS, address == null ? "removed" : "set");
    }

    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public void enable(StaffId id, Staff by) {
        var account = require(id, by.jurisdiction());
        jdbc.sql("update staff set enabled = true, failed_sign_ins = 0, locked_until = null, version = version + 1"
                        + " where id = ?")
                .param(id.value())
                .update();
        audit.record("ACCOUNT_ENABLE", "account", account.username(), Outcome.SUCCESS, null);
    }

    /**
     * A new temporary password; the second factor must be enrolled again (a reset is what someone who lost their
     * phone asks for), the lock is lifted and every session and API token dies.
     */
    public Created reset(StaffId id, Staff by) {
        var account = require(id, by.jurisdiction());
        var password = temporaryPassword();
        jdbc.sql("""
                update staff set password_hash = ?, totp_secret = null, totp_last_step = null, failed_sign_ins = 0,
                                 locked_until = null, version = version + 1
                where id = ?""").params(passwords.encode(password), id.value()).update();
        tokens.revokeAll(id.value());
        sessions.endAllOf(account.username());
        audit.record("ACCOUNT_RESET", "account", account.username(), Outcome.SUCCESS, "password and second factor");
        return new Created(id, password);
    }

    public void change(StaffId id, AccountChange change, Staff by) {
        var account = require(id, by.jurisdiction());
        var region = regions.require(new RegionCode(change.region().trim()), by.jurisdiction());
        checkCityLevel(change.role(), region);
        var unit = checkedUnit(change.role(), region, change.unit(), by);
        int updated = jdbc.sql("""
                update staff set role = ?, region_code = ?, unit_id = ?, version = version + 1
                where id = ? and version = ?""")
                .params(change.role().name(), region.code().value(), unit, id.value(), change.version())
                .update();
        if (updated == 0) {
            throw new StaleRecord();
        }
        tokens.revokeAll(id.value());
        sessions.endAllOf(account.username());
        audit.record(
                "ACCOUNT_CHANGE",
                "account",
                account.username(),
                Outcome.SUCCESS,
                "role " + account.role() + "→" + change.role() + ", region " + account.region() + "→" + region.code()
                        + ", unit " + account.unit() + "→" + unit);
    }

    @Transactional(readOnly = true)
    public Account require(StaffId id, Jurisdiction scope) {
        return jdbc.sql(Account.SELECT + " where s.id = ? and r.path like ?")
                .params(id.value(), scope.likePattern())
                .query((rs, n) -> Account.map(rs))
                .optional()
                .orElseThrow(() -> new NotFound("account.notFound"));
    }

    @Transactional(readOnly = true)
    public Paged<Account> find(AccountFilter filter, Jurisdiction scope, Paged.Request page) {
        var where = new StringBuilder(" where r.path like ?");
        var params = new ArrayList<Object>();
        params.add(scope.likePattern());
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (s.username like ? or s.display_name like ?)");
            var like = "%"
                    + filter.q()
                            .trim()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (filter.role() != null) {
            where.append(" and s.role = ?");
            params.add(filter.role().name());
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            var region = regions.require(new RegionCode(filter.region().trim()), scope);
            where.append(" and r.path like ?");
            params.add(region.path() + "%");
        }
        if (filter.enabled() != null) {
            where.append(" and s.enabled = ?");
            params.add(filter.enabled());
        }
        long total = jdbc.sql("select count(*) from staff s join region r on r.code = s.region_code" + where)
                .params(params)
                .query(Long.class)
                .single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var items = jdbc.sql(Account.SELECT + where + " order by r.path, s.username limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> Account.map(rs))
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    /**
     * The account as the principal it signs in as: for demo data and timed jobs that act in someone's name, through
     * the same services people use.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Staff> principal(String username) {
        return jdbc.sql(AccountRow.SELECT + " where s.username = ? and s.enabled")
                .param(username)
                .query((rs, n) -> AccountRow.map(rs).toStaff())
                .optional();
    }

    /** Whether any account exists at all (the first administrator is created only into an empty directory). */
    @Transactional(readOnly = true)
    boolean any() {
        return jdbc.sql("select exists (select 1 from staff)")
                .query(Boolean.class)
                .single();
    }

    /** Enabled demo accounts: a production start refuses to run while there is any. */
    @Transactional(readOnly = true)
    long enabledDemoAccounts() {
        return jdbc.sql("select count(*) from staff where demo and enabled")
                .query(Long.class)
                .single();
    }

    /**
     * The enabled accounts, other than those flagged demo, that sign in with one of the given passwords. Only accounts
     * whose password someone chose can have one: the first administrator (a city-office account, from
     * {@code DUDAO_ADMIN_PASSWORD}) and the demo accounts (by name, in case their flag was cleared); every other
     * password is a random temporary one and nobody can choose their own. So only the city office's accounts and the
     * demo names are checked: each check costs a password hash (about 0.1 s on a small machine), and checking every
     * account would add minutes to a start.
     */
    @Transactional(readOnly = true)
    List<String> enabledWithPassword(java.util.Set<String> candidates, List<String> demoNames) {
        var params = new ArrayList<Object>();
        params.add(Role.CITY_OFFICE.name());
        params.addAll(demoNames);
        var names = String.join(", ", demoNames.stream().map(n -> "?").toList());
        return jdbc
                .sql("select username, password_hash from staff where enabled and not demo and (role = ?"
                        + (demoNames.isEmpty() ? "" : " or username in (" + names + ")") + ") order by id")
                .params(params)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()
                .stream()
                .filter(row -> candidates.stream().anyMatch(password -> passwords.matches(password, row[1])))
                .map(row -> row[0])
                .toList();
    }

    @Transactional(readOnly = true)
    boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from staff where username = ?)")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    /** A city-level role placed in a district would see the whole city from there (an auditor, the whole trail). */
    private static void checkCityLevel(Role role, Region region) {
        if (role.cityLevel() && !region.code().equals(RegionCode.CITY)) {
            throw new BadInput("region", "account.region.cityLevelRole");
        }
    }

    private Long checkedUnit(Role role, Region region, Long unitId, Staff by) {
        if (unitId == null) {
            if (role == Role.UNIT_HANDLER) {
                throw new BadInput("unit", "account.unit.required");
            }
            return null;
        }
        var unit = units.require(new UnitId(unitId), by.jurisdiction());
        if (!unit.regionPath().startsWith(region.path()) && !region.path().startsWith(unit.regionPath())) {
            throw new BadInput("unit", "account.unit.outsideRegion");
        }
        return unit.id().value();
    }

    private static String temporaryPassword() {
        var out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
