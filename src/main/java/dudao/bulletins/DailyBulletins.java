package dudao.bulletins;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Today;
import dudao.platform.WorkflowViolation;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily bulletins (每日通报) of a round: drafted from the live figures, published by the city office as a snapshot
 * that never changes, read by everyone within their jurisdiction, compared with the live figures to show what changed
 * since.
 */
@Service
@Transactional
public class DailyBulletins {

    static final String OFFICE = "重庆市扫黑除恶专项斗争领导小组办公室";
    static final String TITLE = "全市扫黑除恶专项斗争检查指导工作每日通报";

    /** What the city office submits to publish; the template is the default draft when empty. */
    public record Publication(LocalDate date, String template, List<BulletinText.Practice> practices) {}

    /** A draft: the template and the text it renders to with the live figures. */
    public record Draft(LocalDate date, String template, List<String> paragraphs) {}

    private final JdbcClient jdbc;
    private final RoundFigures figures;
    private final Dashboard dashboard;
    private final Rounds rounds;
    private final Regions regions;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Today today;
    private final Clock clock;
    private final MessageSource messages;

    DailyBulletins(
            JdbcClient jdbc,
            RoundFigures figures,
            Dashboard dashboard,
            Rounds rounds,
            Regions regions,
            AuditTrail audit,
            JsonMapper json,
            Today today,
            Clock clock,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.dashboard = dashboard;
        this.rounds = rounds;
        this.regions = regions;
        this.audit = audit;
        this.json = json;
        this.today = today;
        this.clock = clock;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Draft draft(RoundId round, LocalDate date, Staff me) {
        requireReader(me);
        var tables = view(figures.of(round, date, me), me);
        return new Draft(date, BulletinText.DEFAULT, BulletinText.render(BulletinText.DEFAULT, tables.total(), date));
    }

    public long publish(RoundId round, Publication publication, Staff me) {
        if (!me.is(Role.CITY_OFFICE)) {
            throw new AccessDeniedException("bulletins are published by the city office");
        }
        rounds.require(round);
        var date = publication.date();
        if (date == null) {
            throw new BadInput("date", "validation.required");
        }
        if (date.isAfter(today.date())) {
            throw new BadInput("date", "bulletins.date.future");
        }
        var template = BulletinText.check(
                publication.template() == null || publication.template().isBlank()
                        ? BulletinText.DEFAULT
                        : publication.template());
        var practices = publication.practices() == null ? List.<BulletinText.Practice>of() : publication.practices();
        if (practices.size() > 20) {
            throw new BadInput("practices", "validation.tooLong");
        }
        var tables = figures.of(round, date, me);
        for (var practice : practices) {
            BulletinText.checkPractice(practice);
            if (tables.groups().stream().noneMatch(g -> g.key().equals(Integer.toString(practice.group())))) {
                throw new BadInput("practices", "bulletins.practice.unknownGroup", practice.group());
            }
        }
        if (jdbc.sql("select count(*) from bulletin where round_id = ? and day = ?")
                        .params(round.value(), Date.valueOf(date))
                        .query(Long.class)
                        .single()
                > 0) {
            throw new WorkflowViolation("bulletins.publish.exists", date);
        }
        // One numbering per year; the unique key refuses a number taken by a concurrent publication.
        jdbc.sql("select pg_advisory_xact_lock(7007)").query().rowSet();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from bulletin where year = ?")
                .param(date.getYear())
                .query(Integer.class)
                .single();
        long id = jdbc.sql("""
                insert into bulletin (round_id, day, year, number, tables, template, practices, published_by,
                                      published_by_name, published_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?) returning id""")
                .params(
                        round.value(),
                        Date.valueOf(date),
                        date.getYear(),
                        number,
                        json.writeValueAsString(tables),
                        template,
                        json.writeValueAsString(practices),
                        me.id().value(),
                        me.displayName(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record("BULLETIN_PUBLISH", "bulletin", id, Outcome.SUCCESS, "round=" + round + " date=" + date);
        return id;
    }

    @Transactional(readOnly = true)
    public List<PublishedBulletin.Summary> ofRound(RoundId round, Staff me) {
        requireReader(me);
        return jdbc.sql("""
                select id, round_id, day, year, number, published_by_name, published_at from bulletin
                where round_id = ? order by day desc""")
                .param(round.value())
                .query((rs, n) -> new PublishedBulletin.Summary(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getDate(3).toLocalDate(),
                        number(rs.getInt(4), rs.getInt(5)),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public PublishedBulletin require(long id, Staff me, Locale locale) {
        requireReader(me);
        record Stored(
                long id,
                long round,
                LocalDate date,
                String number,
                String tables,
                String template,
                String practices,
                String by,
                java.time.Instant at) {}
        var stored = jdbc.sql("""
                select id, round_id, day, year, number, tables::text, template, practices::text, published_by_name,
                       published_at
                from bulletin where id = ?""")
                .param(id)
                .query((rs, n) -> new Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getDate(3).toLocalDate(),
                        number(rs.getInt(4), rs.getInt(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant()))
                .optional()
                .orElseThrow(() -> new NotFound("bulletins.notFound"));
        var tables = view(json.readValue(stored.tables(), Tables.class), me);
        List<BulletinText.Practice> practices =
                json.readValue(stored.practices(), new TypeReference<List<BulletinText.Practice>>() {});
        var practiceParagraphs = new ArrayList<String>();
        for (var practice : practices) {
            tables.groups().stream()
                    .filter(g -> g.key().equals(Integer.toString(practice.group())))
                    .findFirst()
                    .ifPresent(g -> practiceParagraphs.add(BulletinText.practiceParagraph(practice, g.label())));
        }
        return new PublishedBulletin(
                stored.id(),
                stored.round(),
                stored.date(),
                stored.number(),
                TITLE,
                BulletinText.render(stored.template(), tables.total(), stored.date()),
                practiceParagraphs,
                dashboard.present(tables, dashboard.scopeName(me), locale),
                stored.template(),
                stored.by(),
                stored.at());
    }

    /**
     * The figures, total and per line, whose value now differs from the published one: the records as they stand
     * today against the snapshot (what was closed, found or became overdue since publication).
     */
    @Transactional(readOnly = true)
    public List<PublishedBulletin.Change> changes(long id, Staff me, Locale locale) {
        var published = require(id, me, locale).figures();
        var live = view(figures.now(new RoundId(published.round()), me), me);
        var out = new ArrayList<PublishedBulletin.Change>();
        var publishedTables = new Tables(
                published.round(), published.roundName(), published.date(), published.districts(), published.groups());
        compare("", publishedTables.total(), live.total(), out, locale);
        compareLines(published.districts(), live.districts(), out, locale);
        compareLines(published.groups(), live.groups(), out, locale);
        return out;
    }

    private void compareLines(
            List<Line> published, List<Line> live, List<PublishedBulletin.Change> out, Locale locale) {
        for (var p : published) {
            var l = live.stream()
                    .filter(x -> x.key().equals(p.key()))
                    .findFirst()
                    .orElse(null);
            if (l != null) {
                compare(p.key() + " " + p.label(), p, l, out, locale);
            }
        }
    }

    private void compare(String label, Line published, Line live, List<PublishedBulletin.Change> out, Locale locale) {
        for (var m : Measure.values()) {
            var a = published.cumulative(m);
            var b = live.cumulative(m);
            if (!same(a, b)) {
                out.add(new PublishedBulletin.Change(
                        label, m.key(), messages.getMessage(m.labelKey(), null, locale), a, b));
            }
        }
    }

    private static boolean same(Number a, Number b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }

    /**
     * A reader's share of some figures: the districts of their jurisdiction; without clue counts for those who may not
     * count every clue of their district (a district office never learns how many clues name its officials).
     */
    private Tables view(Tables tables, Staff me) {
        var scoped = me.jurisdiction().isWholeCity()
                ? tables
                : tables.within(code -> code != null
                        && regions.find(new RegionCode(code))
                                .map(r -> me.jurisdiction().contains(r))
                                .orElse(false));
        return me.is(Role.DISTRICT_OFFICE, Role.UNIT_HANDLER) ? scoped.without(Measure.Source.CLUES) : scoped;
    }

    static void requireReader(Staff me) {
        if (!me.is(Role.CITY_OFFICE, Role.LEADER, Role.DISTRICT_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER)) {
            throw new AccessDeniedException("bulletins are read by the campaign's staff");
        }
    }

    static String number(int year, int number) {
        return "渝扫黑办通〔" + year + "〕" + number + "号";
    }
}
