package dudao.clues;

import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.platform.NotFound;
import dudao.platform.Paged;
import dudao.platform.Today;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clue list (线索清单), a clue's page and its likely duplicates, always within what the reader may see. */
@Service
@Transactional(readOnly = true)
public class ClueList {

    static final String SELECT = """
            select c.id, c.serial, c.channel, c.received_at, c.region_code, r.name as region_name, c.group_number,
                   c.category, left(c.description, 80) as summary, c.status, c.scope, c.sub_category,
                   u.name as unit_name, c.due_on, c.result, c.key_clue, c.officials_named, c.recheck,
                   m.serial as merged_serial, c.anonymous, c.has_contact, c.reporter_phone is not null as has_phone,
                   c.verified_at, c.closed_at
            from clue c
            join region r on r.code = c.region_code
            left join unit u on u.id = c.handling_unit_id
            left join clue m on m.id = c.merged_into""";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final ClueProperties properties;
    private final Today today;

    ClueList(JdbcClient jdbc, Regions regions, ClueProperties properties, Today today) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.properties = properties;
        this.today = today;
    }

    public Paged<ClueRow> find(ClueFilter filter, Staff me, Paged.Request page) {
        var where = new ArrayList<Object>();
        var sql = where(filter, me, where);
        long total = jdbc.sql("select count(*) from clue c" + sql)
                .params(where)
                .query(Long.class)
                .single();
        var params = new ArrayList<>(where);
        params.add(page.size());
        params.add(page.offset());
        var today = today();
        var items = jdbc.sql(SELECT + sql + " order by c.received_at desc, c.id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> row(rs, today))
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    /**
     * The key-clue list (重点线索): clues marked for joint study, with the study's conclusions, newest first, within what
     * the reader may see.
     */
    public Paged<KeyClue> keyClues(Staff me, Paged.Request page) {
        var visible = ClueVisibility.of(me);
        var where = " where c.key_clue and " + visible.sql();
        long total = jdbc.sql("select count(*) from clue c" + where)
                .params(visible.params())
                .query(Long.class)
                .single();
        var params = new ArrayList<Object>(visible.params());
        params.add(page.size());
        params.add(page.offset());
        var today = today();
        var items = jdbc.sql(
                        SELECT.replace("c.verified_at, c.closed_at", "c.verified_at, c.closed_at, c.study_conclusion")
                                + where + " order by c.received_at desc, c.id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> new KeyClue(row(rs, today), rs.getString("study_conclusion")))
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    /** How many clues match (for the home page's reminders). */
    public long count(ClueFilter filter, Staff me) {
        var params = new ArrayList<Object>();
        var sql = where(filter, me, params);
        return jdbc.sql("select count(*) from clue c" + sql)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Every matching clue, in list order, one at a time (the ledger export). */
    public void each(ClueFilter filter, Staff me, int limit, Consumer<ClueRow> consumer) {
        var params = new ArrayList<Object>();
        var sql = where(filter, me, params);
        params.add(limit);
        var today = today();
        // 500 rows at a time through a cursor (the caller's transaction), not the whole export in memory at once
        jdbc.sql(SELECT + sql + " order by c.serial_year, c.serial_number limit ?")
                .withFetchSize(500)
                .params(params)
                .query(rs -> {
                    consumer.accept(row(rs, today));
                });
    }

    public ClueDetail detail(ClueId id, Staff me) {
        var visible = ClueVisibility.of(me);
        var params = new ArrayList<Object>();
        params.add(id.value());
        params.addAll(visible.params());
        var today = today();
        return jdbc.sql(SELECT.replace("c.verified_at, c.closed_at", "c.*, c.verified_at, c.closed_at")
                        + " where c.id = ? and " + visible.sql())
                .params(params)
                .query((rs, n) -> detail(rs, row(rs, today)))
                .optional()
                .orElseThrow(() -> new NotFound("clue.notFound"));
    }

    private ClueDetail detail(ResultSet rs, ClueRow row) throws SQLException {
        var clue = ClueStore.map(rs);
        long id = row.id();
        var persons = jdbc.sql("select kind, name, detail from clue_person where clue_id = ? order by id")
                .param(id)
                .query((r, n) ->
                        new Object[] {r.getString(1), new ClueDetail.NamedPerson(r.getString(2), r.getString(3))})
                .list();
        var received = rs.getTimestamp("received_at").toInstant();
        return new ClueDetail(
                row,
                rs.getString("place"),
                rs.getString("activity_time"),
                rs.getString("description"),
                jdbc.sql("select people, violence, weapons from clue_circumstances where clue_id = ?")
                        .param(id)
                        .query((r, n) -> new NewClue.Circumstances(
                                r.getString(1) == null ? null : NewClue.PeopleInvolved.valueOf(r.getString(1)),
                                r.getString(2) == null ? null : NewClue.Answer.valueOf(r.getString(2)),
                                r.getString(3) == null ? null : NewClue.Answer.valueOf(r.getString(3))))
                        .optional()
                        .orElse(null),
                persons.stream()
                        .filter(p -> "REPORTED".equals(p[0]))
                        .map(p -> (ClueDetail.NamedPerson) p[1])
                        .toList(),
                persons.stream()
                        .filter(p -> "OFFICIAL".equals(p[0]))
                        .map(p -> (ClueDetail.NamedPerson) p[1])
                        .toList(),
                clue.transferDepartment(),
                clue.transferLetter(),
                clue.timeLimitDays(),
                clue.methods(),
                clue.findings(),
                clue.reviewComment(),
                clue.sendBacks(),
                row.reporter().reachable()
                        ? received.atZone(ClueIntake.CHINA).toLocalDate().plusDays(properties.replyDays())
                        : null,
                clue.repliedAt(),
                clue.closedAt(),
                clue.studyConclusion(),
                jdbc.sql("select serial from clue where merged_into = ? order by id")
                        .param(id)
                        .query(String.class)
                        .list(),
                jdbc.sql("select at, actor, action, note from clue_event where clue_id = ? order by at, id")
                        .param(id)
                        .query((r, n) -> new ClueDetail.Event(
                                r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getString(4)))
                        .list(),
                jdbc.sql("select at, author, body from clue_message where clue_id = ? order by at, id")
                        .param(id)
                        .query((r, n) ->
                                new ClueDetail.Message(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3)))
                        .list(),
                clue.openSteps());
    }

    /**
     * How many of the newest clues {@link #similar} reads from each bucket of a clue's MinHash bands, and how many of
     * those, ranked by the number of bands they share, it then scores: together they bound the work of one look-up,
     * whatever the number of clues (ADR 0003).
     */
    static final int BUCKET_READ = 30;

    static final int BAND_CANDIDATES = 60;

    /**
     * Clues like this one that the reader may see: similar text in the same district (candidates from the MinHash
     * bands the database keeps in {@code clue_band}, scored with pg_trgm on the character pairs), the same phone or ID
     * number (blind index), or a shared named person or organisation. Each source is its own indexed query, united
     * before ranking.
     */
    public List<SimilarClue> similar(ClueId id, Staff me) {
        detailExists(id, me);
        var visible = ClueVisibility.of(me);
        var params = new ArrayList<Object>();
        params.add(id.value());
        params.add(ClueIntake.UNKNOWN_NAMES.toArray(String[]::new));
        params.add(BUCKET_READ);
        params.add(BAND_CANDIDATES);
        params.addAll(visible.params());
        params.add(properties.similarity());
        return jdbc.sql("""
                with me as (select id, grams, region_path, phone_index, id_index,
                                   clue_bands(grams, region_path) as bands
                            from clue where id = ?),
                     names as (select p.name from clue_person p, me
                               where p.clue_id = me.id and p.name <> all (?::text[])
                                 and p.name not like '%某%'),
                     banded as (
                       select b.clue_id from me, unnest(me.bands) mb(band)
                       cross join lateral (select cb.clue_id from clue_band cb
                                           where cb.band = mb.band and cb.clue_id <> me.id
                                           order by cb.clue_id desc limit ?) b
                       group by b.clue_id
                       order by count(*) desc, b.clue_id desc
                       limit ?),
                     cand as (
                       select clue_id as id from banded
                       union
                       select c.id from clue c, me where c.phone_index = me.phone_index and c.id <> me.id
                       union
                       select c.id from clue c, me where c.id_index = me.id_index and c.id <> me.id
                       union
                       select p.clue_id from clue_person p join names n on n.name = p.name, me
                       where p.clue_id <> me.id)
                select * from (
                  select c.id, c.serial, c.status, r.name as region_name, left(c.description, 80) as summary,
                         similarity(c.grams, me.grams) as score,
                         coalesce(c.phone_index = me.phone_index, false) as same_phone,
                         coalesce(c.id_index = me.id_index, false) as same_id,
                         exists (select 1 from clue_person p join names n on n.name = p.name
                                 where p.clue_id = c.id) as same_person
                  from cand join clue c on c.id = cand.id join region r on r.code = c.region_code, me
                  where """ + visible.sql() + """
                  ) s
                where s.score >= ? or s.same_phone or s.same_id or s.same_person
                order by s.same_phone or s.same_id desc, s.score desc, s.id desc
                limit 20""")
                .params(params)
                .query((rs, n) -> {
                    var reasons = new ArrayList<String>();
                    double score = rs.getDouble("score");
                    if (score >= properties.similarity()) {
                        reasons.add("TEXT");
                    }
                    if (rs.getBoolean("same_phone")) {
                        reasons.add("PHONE");
                    }
                    if (rs.getBoolean("same_id")) {
                        reasons.add("ID_NUMBER");
                    }
                    if (rs.getBoolean("same_person")) {
                        reasons.add("PERSON");
                    }
                    boolean likely =
                            reasons.contains("TEXT") || reasons.contains("PHONE") || reasons.contains("ID_NUMBER");
                    return new SimilarClue(
                            rs.getLong("id"),
                            rs.getString("serial"),
                            ClueStatus.valueOf(rs.getString("status")),
                            rs.getString("region_name"),
                            rs.getString("summary"),
                            Math.round(score * 100) / 100.0,
                            List.copyOf(reasons),
                            likely);
                })
                .list();
    }

    /** Clues reported from the same phone number (blind index), for staff who may see them. */
    public List<ClueRow> samePhone(ClueId id, Staff me) {
        detailExists(id, me);
        var visible = ClueVisibility.of(me);
        var params = new ArrayList<Object>();
        params.add(id.value());
        params.add(id.value());
        params.addAll(visible.params());
        var today = today();
        return jdbc.sql(SELECT + " where c.phone_index = (select phone_index from clue where id = ?) and c.id <> ? and "
                        + visible.sql() + " order by c.received_at desc limit 50")
                .params(params)
                .query((rs, n) -> row(rs, today))
                .list();
    }

    private void detailExists(ClueId id, Staff me) {
        var visible = ClueVisibility.of(me);
        var params = new ArrayList<Object>();
        params.add(id.value());
        params.addAll(visible.params());
        if (!jdbc.sql("select exists (select 1 from clue c where c.id = ? and " + visible.sql() + ")")
                .params(params)
                .query(Boolean.class)
                .single()) {
            throw new NotFound("clue.notFound");
        }
    }

    private String where(ClueFilter f, Staff me, List<Object> params) {
        var visible = ClueVisibility.of(me);
        var sql = new StringBuilder(" where ").append(visible.sql());
        params.addAll(visible.params());
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" and c.search_text like ?");
            params.add(
                    "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.status() != null) {
            sql.append(" and c.status = ?");
            params.add(f.status().name());
        }
        if (f.channel() != null) {
            sql.append(" and c.channel = ?");
            params.add(f.channel().name());
        }
        if (f.region() != null && !f.region().isBlank()) {
            var region = regions.require(new RegionCode(f.region().trim()), me.jurisdiction());
            sql.append(" and c.region_path like ?");
            params.add(region.path() + "%");
        }
        if (f.scope() != null) {
            sql.append(" and c.scope = ?");
            params.add(f.scope().name());
        }
        if (f.category() != null) {
            sql.append(" and c.category = ?");
            params.add(f.category().name());
        }
        if (Boolean.TRUE.equals(f.key())) {
            sql.append(" and c.key_clue");
        }
        if (f.officials() != null) {
            sql.append(f.officials() ? " and c.officials_named" : " and not c.officials_named");
        }
        if (f.from() != null) {
            sql.append(" and c.received_at >= ?");
            params.add(Timestamp.from(f.from().atStartOfDay(ClueIntake.CHINA).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" and c.received_at < ?");
            params.add(Timestamp.from(
                    f.to().plusDays(1).atStartOfDay(ClueIntake.CHINA).toInstant()));
        }
        return sql.toString();
    }

    private LocalDate today() {
        return today.date();
    }

    static ClueRow row(ResultSet rs, LocalDate today) throws SQLException {
        var due = rs.getObject("due_on", LocalDate.class);
        var status = ClueStatus.valueOf(rs.getString("status"));
        boolean open = status == ClueStatus.ASSIGNED;
        return new ClueRow(
                rs.getLong("id"),
                rs.getString("serial"),
                Channel.valueOf(rs.getString("channel")),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("region_code"),
                rs.getString("region_name"),
                (Integer) rs.getObject("group_number"),
                ActivityCategory.valueOf(rs.getString("category")),
                rs.getString("summary"),
                status,
                ClueStore.enumOf(Scope.class, rs.getString("scope")),
                ClueStore.enumOf(ActivityCategory.class, rs.getString("sub_category")),
                rs.getString("unit_name"),
                due,
                open && due != null && today.isAfter(due),
                ClueStore.enumOf(VerifyResult.class, rs.getString("result")),
                rs.getBoolean("key_clue"),
                rs.getBoolean("officials_named"),
                rs.getBoolean("recheck"),
                rs.getString("merged_serial"),
                MaskedReporter.of(
                        rs.getBoolean("anonymous"), rs.getBoolean("has_contact"), rs.getBoolean("has_phone")));
    }
}
