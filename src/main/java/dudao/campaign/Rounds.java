package dudao.campaign;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dated rounds of a campaign and their phases. Round dates are not confidential: everyone signed in reads them. */
@Service
@Transactional
public class Rounds {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final AuditTrail audit;

    Rounds(JdbcClient jdbc, Campaigns campaigns, AuditTrail audit) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    public RoundId create(CampaignId campaign, NewRound round, Staff by) {
        Campaigns.requireCityOffice(by);
        campaigns.require(campaign);
        var name = Campaigns.requiredText(round.name(), "name", 100);
        checkDates(round);
        if (jdbc.sql("select count(*) from round where campaign_id = ? and name = ?")
                        .params(campaign.value(), name)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new BadInput("name", "round.name.taken");
        }
        long id = jdbc.sql("insert into round (campaign_id, name, starts_on, ends_on) values (?, ?, ?, ?) returning id")
                .params(campaign.value(), name, Date.valueOf(round.startsOn()), Date.valueOf(round.endsOn()))
                .query(Long.class)
                .single();
        for (var phase : phases(round)) {
            jdbc.sql("insert into round_phase (round_id, kind, name, starts_on, ends_on) values (?, ?, ?, ?, ?)")
                    .params(
                            id,
                            phase.kind().name(),
                            phase.name().trim(),
                            Date.valueOf(phase.startsOn()),
                            Date.valueOf(phase.endsOn()))
                    .update();
        }
        audit.record(
                "ROUND_CREATE",
                "round",
                id,
                Outcome.SUCCESS,
                "campaign=" + campaign + " " + name + " " + round.startsOn() + ".." + round.endsOn());
        return new RoundId(id);
    }

    /**
     * The rule for a round's dates: it ends on or after it starts, its phases lie inside it, each phase ends on or
     * after it starts, no kind appears twice, and the phases follow each other in their order without overlapping.
     */
    static void checkDates(NewRound round) {
        if (round.startsOn() == null || round.endsOn() == null) {
            throw new BadInput("startsOn", "validation.required");
        }
        if (round.endsOn().isBefore(round.startsOn())) {
            throw new BadInput("endsOn", "round.dates.order");
        }
        var phases = phases(round);
        var kinds = new java.util.HashSet<PhaseKind>();
        LocalDate previousEnd = null;
        for (var phase : phases) {
            if (phase.kind() == null || phase.startsOn() == null || phase.endsOn() == null) {
                throw new BadInput("phases", "validation.required");
            }
            if (!kinds.add(phase.kind())) {
                throw new BadInput("phases", "round.phase.duplicate");
            }
            if (phase.endsOn().isBefore(phase.startsOn())) {
                throw new BadInput("phases", "round.phase.order");
            }
            if (phase.startsOn().isBefore(round.startsOn()) || phase.endsOn().isAfter(round.endsOn())) {
                throw new BadInput("phases", "round.phase.outside");
            }
            if (previousEnd != null && !phase.startsOn().isAfter(previousEnd)) {
                throw new BadInput("phases", "round.phase.overlap");
            }
            previousEnd = phase.endsOn();
        }
    }

    private static List<NewRound.NewPhase> phases(NewRound round) {
        var list = new ArrayList<NewRound.NewPhase>(round.phases() == null ? List.of() : round.phases());
        list.removeIf(java.util.Objects::isNull);
        list.sort(Comparator.comparing(p -> p.kind() == null ? 0 : p.kind().ordinal()));
        return list;
    }

    @Transactional(readOnly = true)
    public Round require(RoundId id) {
        return find(id).orElseThrow(() -> new NotFound("round.notFound"));
    }

    @Transactional(readOnly = true)
    public Optional<Round> find(RoundId id) {
        return jdbc.sql("select id, campaign_id, name, starts_on, ends_on from round where id = ?")
                .param(id.value())
                .query((rs, n) -> new Round(
                        new RoundId(rs.getLong(1)),
                        new CampaignId(rs.getLong(2)),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate(),
                        List.of()))
                .optional()
                .map(this::withPhases);
    }

    /** The rounds of a campaign, newest first. */
    @Transactional(readOnly = true)
    public List<Round> ofCampaign(CampaignId campaign) {
        return jdbc
                .sql("select id from round where campaign_id = ? order by starts_on desc, id desc")
                .param(campaign.value())
                .query(Long.class)
                .list()
                .stream()
                .map(id -> require(new RoundId(id)))
                .toList();
    }

    /** Every round, newest first. */
    @Transactional(readOnly = true)
    public List<Round> all() {
        return jdbc.sql("select id from round order by starts_on desc, id desc").query(Long.class).list().stream()
                .map(id -> require(new RoundId(id)))
                .toList();
    }

    /** The newest round that has started on or before the day (the one a bulletin or a page opens on). */
    @Transactional(readOnly = true)
    public Optional<Round> latest(LocalDate day) {
        return jdbc.sql("select id from round where starts_on <= ? order by starts_on desc, id desc limit 1")
                .param(Date.valueOf(day))
                .query(Long.class)
                .optional()
                .map(id -> require(new RoundId(id)));
    }

    /** The rounds whose dates include the day, newest first. */
    @Transactional(readOnly = true)
    public List<Round> runningOn(LocalDate day) {
        return jdbc
                .sql("select id from round where starts_on <= ? and ends_on >= ? order by starts_on desc, id desc")
                .params(Date.valueOf(day), Date.valueOf(day))
                .query(Long.class)
                .list()
                .stream()
                .map(id -> require(new RoundId(id)))
                .toList();
    }

    private Round withPhases(Round round) {
        var phases = jdbc.sql(
                        "select kind, name, starts_on, ends_on from round_phase where round_id = ? order by starts_on")
                .param(round.id().value())
                .query((rs, n) -> new Round.Phase(
                        PhaseKind.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate()))
                .list();
        return new Round(round.id(), round.campaign(), round.name(), round.startsOn(), round.endsOn(), phases);
    }
}
