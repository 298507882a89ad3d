package dudao.campaign;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
import dudao.directory.StaffId;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.StaleRecord;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbered groups of a round: set up by the city office, read by everyone whose jurisdiction holds the group's
 * district, and looked up by member (which group is this person in?) or by district (which group is stationed here?).
 */
@Service
@Transactional
public class InspectionGroups {

    private static final String SELECT = """
            select g.id, g.round_id, g.number, g.region_code, r.name as region_name, r.path, g.hotline, g.mailbox,
                   g.office_address, g.posted_from, g.posted_until, g.version
            from inspection_group g join region r on r.code = g.region_code""";

    private final JdbcClient jdbc;
    private final Rounds rounds;
    private final Regions regions;
    private final StaffAccounts accounts;
    private final AuditTrail audit;

    InspectionGroups(JdbcClient jdbc, Rounds rounds, Regions regions, StaffAccounts accounts, AuditTrail audit) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.regions = regions;
        this.accounts = accounts;
        this.audit = audit;
    }

    public GroupId create(RoundId roundId, NewGroup group, Staff by) {
        Campaigns.requireCityOffice(by);
        var round = rounds.require(roundId);
        var region = regions.require(new RegionCode(group.region().trim()), by.jurisdiction());
        checkPosting(round, region.level(), group.postedFrom(), group.postedUntil());
        if (group.number() == null || group.number() < 1 || group.number() > 999) {
            throw new BadInput("number", "group.number.range");
        }
        if (count("select count(*) from inspection_group where round_id = ? and number = ?", roundId, group.number())
                > 0) {
            throw new BadInput("number", "group.number.taken", group.number());
        }
        if (count(
                        "select count(*) from inspection_group where round_id = ? and region_code = ?",
                        roundId,
                        region.code().value())
                > 0) {
            throw new BadInput("region", "group.region.taken", region.name());
        }
        long id = jdbc.sql("""
                insert into inspection_group (round_id, number, region_code, hotline, mailbox, office_address,
                                              posted_from, posted_until)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        roundId.value(),
                        group.number(),
                        region.code().value(),
                        blankToNull(group.hotline()),
                        blankToNull(group.mailbox()),
                        blankToNull(group.officeAddress()),
                        Date.valueOf(group.postedFrom()),
                        Date.valueOf(group.postedUntil()))
                .query(Long.class)
                .single();
        audit.record(
                "GROUP_CREATE",
                "group",
                id,
                Outcome.SUCCESS,
                "round=" + roundId + " number=" + group.number() + " region=" + region.code() + " posted "
                        + group.postedFrom() + ".." + group.postedUntil());
        return new GroupId(id);
    }

    /** Changes what the group publishes and its posting dates; refuses a stale version. */
    public void update(GroupId id, NewGroup group, int version, Staff by) {
        Campaigns.requireCityOffice(by);
        var current = require(id, by.jurisdiction());
        var round = rounds.require(current.round());
        checkPosting(round, RegionLevel.DISTRICT, group.postedFrom(), group.postedUntil());
        int updated = jdbc.sql("""
                update inspection_group set hotline = ?, mailbox = ?, office_address = ?, posted_from = ?,
                                            posted_until = ?, version = version + 1
                where id = ? and version = ?""")
                .params(
                        blankToNull(group.hotline()),
                        blankToNull(group.mailbox()),
                        blankToNull(group.officeAddress()),
                        Date.valueOf(group.postedFrom()),
                        Date.valueOf(group.postedUntil()),
                        id.value(),
                        version)
                .update();
        if (updated == 0) {
            throw new StaleRecord();
        }
        audit.record(
                "GROUP_UPDATE",
                "group",
                id.value(),
                Outcome.SUCCESS,
                "hotline=" + group.hotline() + " posted " + group.postedFrom() + ".." + group.postedUntil());
    }

    /**
     * Puts a staff account into the group as leader (replacing the previous leader, who stays a member) or member. A
     * person is in at most one group of a round, and must hold a group role.
     */
    public void addMember(GroupId id, StaffId staff, InspectionGroup.MemberRole role, Staff by) {
        Campaigns.requireCityOffice(by);
        var group = require(id, by.jurisdiction());
        var account = accounts.require(staff, by.jurisdiction());
        if (account.role() != Role.GROUP_LEADER && account.role() != Role.GROUP_MEMBER) {
            throw new BadInput("staff", "group.member.role");
        }
        var other = of(staff, group.round());
        if (other.isPresent() && !other.get().id().equals(id)) {
            throw new BadInput("staff", "group.member.elsewhere", other.get().number());
        }
        if (role == InspectionGroup.MemberRole.LEADER) {
            jdbc.sql("update group_member set role = 'MEMBER' where group_id = ? and role = 'LEADER'")
                    .param(id.value())
                    .update();
        }
        jdbc.sql("""
                insert into group_member (group_id, staff_id, role) values (?, ?, ?)
                on conflict (group_id, staff_id) do update set role = excluded.role""").params(id.value(), staff.value(), role.name()).update();
        audit.record("GROUP_MEMBER_ADD", "group", id.value(), Outcome.SUCCESS, account.username() + " as " + role);
    }

    public void removeMember(GroupId id, StaffId staff, Staff by) {
        Campaigns.requireCityOffice(by);
        require(id, by.jurisdiction());
        int removed = jdbc.sql("delete from group_member where group_id = ? and staff_id = ?")
                .params(id.value(), staff.value())
                .update();
        if (removed == 0) {
            throw new NotFound("group.member.notFound");
        }
        audit.record("GROUP_MEMBER_REMOVE", "group", id.value(), Outcome.SUCCESS, "staff=" + staff);
    }

    /** The group if its district lies inside the jurisdiction, or the reader is one of its members. */
    @Transactional(readOnly = true)
    public InspectionGroup require(GroupId id, Jurisdiction scope) {
        return find(id).filter(g -> scope.contains(g.regionPath())).orElseThrow(() -> new NotFound("group.notFound"));
    }

    /** The group, wherever it is: for modules that check membership themselves. */
    @Transactional(readOnly = true)
    public Optional<InspectionGroup> find(GroupId id) {
        return load(" where g.id = ?", id.value()).stream().findFirst();
    }

    /** The groups of a round whose district lies in the jurisdiction, by number. */
    @Transactional(readOnly = true)
    public List<InspectionGroup> ofRound(RoundId round, Jurisdiction scope) {
        return load(" where g.round_id = ? and r.path like ?", round.value(), scope.likePattern());
    }

    /** The group the staff member belongs to in a round. */
    @Transactional(readOnly = true)
    public Optional<InspectionGroup> of(StaffId member, RoundId round) {
        return load(
                        " where g.round_id = ? and g.id in (select group_id from group_member where staff_id = ?)",
                        round.value(),
                        member.value())
                .stream()
                .findFirst();
    }

    /** Every group the staff member belongs to, newest posting first. */
    @Transactional(readOnly = true)
    public List<InspectionGroup> ofMember(StaffId member) {
        var groups = new ArrayList<>(
                load(" where g.id in (select group_id from group_member where staff_id = ?)", member.value()));
        groups.sort((a, b) -> b.postedFrom().compareTo(a.postedFrom()));
        return groups;
    }

    /** The group stationed in a district for a round (a region below a district resolves to its district). */
    @Transactional(readOnly = true)
    public Optional<InspectionGroup> stationedIn(RoundId round, RegionCode region) {
        var district = regions.find(region).map(r -> r.level() == RegionLevel.DISTRICT ? r.code() : r.district());
        if (district.isEmpty() || district.get() == null) {
            return Optional.empty();
        }
        return load(
                        " where g.round_id = ? and g.region_code = ?",
                        round.value(),
                        district.get().value())
                .stream()
                .findFirst();
    }

    /** The groups posted on a day, anywhere: their hotlines and mailboxes are public while they are posted. */
    @Transactional(readOnly = true)
    public List<InspectionGroup> postedOn(LocalDate day) {
        return load(" where g.posted_from <= ? and g.posted_until >= ?", Date.valueOf(day), Date.valueOf(day));
    }

    /**
     * The rule for a posting: a group is stationed in a district-level unit, and its posting lies inside the round and
     * ends on or after it starts.
     */
    static void checkPosting(Round round, RegionLevel level, LocalDate from, LocalDate until) {
        if (level != RegionLevel.DISTRICT) {
            throw new BadInput("region", "group.region.level");
        }
        if (from == null || until == null) {
            throw new BadInput("postedFrom", "validation.required");
        }
        if (until.isBefore(from)) {
            throw new BadInput("postedUntil", "group.posting.order");
        }
        if (!round.contains(from) || !round.contains(until)) {
            throw new BadInput("postedFrom", "group.posting.outsideRound", round.startsOn(), round.endsOn());
        }
    }

    private List<InspectionGroup> load(String where, Object... params) {
        var heads = jdbc.sql(SELECT + where + " order by g.round_id, g.number")
                .params(params)
                .query((rs, n) -> new InspectionGroup(
                        new GroupId(rs.getLong("id")),
                        new RoundId(rs.getLong("round_id")),
                        rs.getInt("number"),
                        new RegionCode(rs.getString("region_code")),
                        rs.getString("region_name"),
                        rs.getString("path"),
                        rs.getString("hotline"),
                        rs.getString("mailbox"),
                        rs.getString("office_address"),
                        rs.getDate("posted_from").toLocalDate(),
                        rs.getDate("posted_until").toLocalDate(),
                        rs.getInt("version"),
                        new ArrayList<>()))
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        var byId = new HashMap<Long, InspectionGroup>();
        heads.forEach(g -> byId.put(g.id().value(), g));
        var ids = heads.stream().map(g -> g.id().value()).toArray(Long[]::new);
        jdbc.sql("""
                select m.group_id, m.staff_id, s.username, s.display_name, m.role
                from group_member m join staff s on s.id = m.staff_id
                where m.group_id = any(?) order by m.role, s.username""").param(ids).query(rs -> {
            byId.get(rs.getLong(1))
                    .members()
                    .add(new InspectionGroup.Member(
                            new StaffId(rs.getLong(2)),
                            rs.getString(3),
                            rs.getString(4),
                            InspectionGroup.MemberRole.valueOf(rs.getString(5))));
        });
        return heads.stream()
                .map(g -> new InspectionGroup(
                        g.id(),
                        g.round(),
                        g.number(),
                        g.region(),
                        g.regionName(),
                        g.regionPath(),
                        g.hotline(),
                        g.mailbox(),
                        g.officeAddress(),
                        g.postedFrom(),
                        g.postedUntil(),
                        g.version(),
                        List.copyOf(g.members())))
                .toList();
    }

    private long count(String sql, RoundId round, Object value) {
        return jdbc.sql(sql).params(round.value(), value).query(Long.class).single();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
