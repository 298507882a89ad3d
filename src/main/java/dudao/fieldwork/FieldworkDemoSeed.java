package dudao.fieldwork;

import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.PhaseKind;
import dudao.campaign.Round;
import dudao.campaign.Rounds;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
import dudao.directory.Units;
import dudao.platform.Authorities;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays the demo round's fieldwork through {@link FieldworkLog}, as each group's leader: the figures of every group
 * for every day of its posting (see {@link DemoFieldworkPlan}), and the visits the article describes for 第7组 and
 * 第24组. Runs once, after the demo campaign exists, only with demo data enabled.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class FieldworkDemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FieldworkDemoSeed.class);

    static final long SEED_LOCK = 0x6475_6461_6f46L;

    /** 第7组 (沙坪坝区) "暗访商贸集市、车站码头、旅游景区等15处". */
    static final List<String[]> SHAPINGBA_COVERT = List.of(
            new String[] {"MARKET", "双碑农贸市场"},
            new String[] {"MARKET", "天星桥农贸市场"},
            new String[] {"MARKET", "井口农贸市场"},
            new String[] {"MARKET", "土湾综合市场"},
            new String[] {"MARKET", "小龙坎农贸市场"},
            new String[] {"STATION", "重庆西站"},
            new String[] {"STATION", "沙坪坝火车站"},
            new String[] {"STATION", "大学城轨道交通站"},
            new String[] {"STATION", "磁器口码头"},
            new String[] {"STATION", "井口长途汽车站"},
            new String[] {"SCENIC_AREA", "磁器口古镇"},
            new String[] {"SCENIC_AREA", "歌乐山烈士陵园"},
            new String[] {"SCENIC_AREA", "红岩魂广场"},
            new String[] {"SCENIC_AREA", "三峡广场"},
            new String[] {"SCENIC_AREA", "虎峰山景区"});

    /** "抽查花园社区、高店子社区等4个市级挂牌社会治安重点地区". */
    static final List<String> SHAPINGBA_LISTED =
            List.of("500106001001", "500106019001", "500106002001", "500106004001");

    /** 第24组 (潼南区): 13 townships, 3 listed communities, 2 weak villages, 3 case-handling departments. */
    static final List<String> TONGNAN_PLACES = List.of(
            "500152001",
            "500152002",
            "500152003",
            "500152004",
            "500152005",
            "500152006",
            "500152007",
            "500152008",
            "500152009",
            "500152010",
            "500152011",
            "500152012",
            "500152013",
            "500152001001",
            "500152001002",
            "500152002001",
            "500152005001",
            "500152008001");

    static final List<String> TONGNAN_DEPARTMENTS = List.of("潼南区公安局", "潼南区人民检察院", "潼南区人民法院");

    private final boolean enabled;
    private final FieldworkLog fieldwork;
    private final Campaigns campaigns;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final StaffAccounts accounts;
    private final Regions regions;
    private final Units units;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    FieldworkDemoSeed(
            @Value("${dudao.demo.enabled:false}") boolean enabled,
            FieldworkLog fieldwork,
            Campaigns campaigns,
            Rounds rounds,
            InspectionGroups groups,
            StaffAccounts accounts,
            Regions regions,
            Units units,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.enabled = enabled;
        this.fieldwork = fieldwork;
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.groups = groups;
        this.accounts = accounts;
        this.regions = regions;
        this.units = units;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        var campaign = campaigns.named(DemoCampaign.NAME);
        if (campaign.isEmpty()) {
            return;
        }
        var round = rounds.ofCampaign(campaign.get().id()).stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst();
        if (round.isEmpty() || replayed(round.get())) {
            return;
        }
        long started = System.nanoTime();
        var context = SecurityContextHolder.getContext();
        try {
            transactions.executeWithoutResult(tx -> {
                // Two nodes starting together: one replays, the other finds it done.
                jdbc.sql("select pg_advisory_xact_lock(?)")
                        .param(SEED_LOCK)
                        .query()
                        .singleRow();
                if (!replayed(round.get())) {
                    replay(round.get());
                }
            });
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(context);
        }
        log.info("Demo fieldwork replayed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private boolean replayed(Round round) {
        return jdbc.sql("""
                select exists (select 1 from fieldwork_day d join inspection_group g on g.id = d.group_id
                               where g.round_id = ? and d.day <= ?)""")
                .params(round.id().value(), Date.valueOf(round.endsOn()))
                .query(Boolean.class)
                .single();
    }

    private void replay(Round round) {
        var all = groups.ofRound(round.id(), Jurisdiction.wholeCity());
        var byNumber = new HashMap<Integer, InspectionGroup>();
        var leaders = new HashMap<Integer, Staff>();
        for (var group : all) {
            byNumber.put(group.number(), group);
            leaders.put(group.number(), staff(group.leader().orElseThrow().username()));
        }
        var days =
                DemoCampaign.GROUPS_ENTER.datesUntil(round.endsOn().plusDays(1)).toList();
        var plan = DemoFieldworkPlan.build(
                all.stream().map(InspectionGroup::number).toList(),
                days,
                day -> round.phaseOn(day).map(Round.Phase::kind).orElse(PhaseKind.DISTRICT_LEVEL));
        for (var day : days) {
            for (var group : all) {
                var counts = plan.get(new DemoFieldworkPlan.Cell(group.number(), day)).stream()
                        .map(c ->
                                new DayFigures.Entry(c.kind().name(), c.phase().name(), (long) c.amount()))
                        .toList();
                as(leaders.get(group.number()));
                fieldwork.record(group.id(), day, new DayFigures(counts, null, null), leaders.get(group.number()));
            }
        }
        visitsOfShapingba(byNumber.get(7), leaders.get(7));
        visitsOfTongnan(byNumber.get(24), leaders.get(24));
    }

    private void visitsOfShapingba(InspectionGroup group, Staff leader) {
        as(leader);
        for (int i = 0; i < SHAPINGBA_COVERT.size(); i++) {
            var place = SHAPINGBA_COVERT.get(i);
            fieldwork.recordVisit(
                    group.id(),
                    new NewVisit(
                            LocalDate.of(2018, 7, 22 + i % 6),
                            null,
                            null,
                            place[1],
                            PlaceKind.valueOf(place[0]),
                            VisitMode.COVERT,
                            false,
                            "暗访治安秩序、扫黑除恶宣传氛围和群众知晓情况"),
                    leader);
        }
        for (int i = 0; i < SHAPINGBA_LISTED.size(); i++) {
            fieldwork.recordVisit(
                    group.id(),
                    new NewVisit(
                            LocalDate.of(2018, 7, 23 + i),
                            SHAPINGBA_LISTED.get(i),
                            null,
                            null,
                            PlaceKind.COMMUNITY,
                            VisitMode.OPEN,
                            true,
                            "抽查市级挂牌社会治安重点地区整治情况"),
                    leader);
        }
    }

    private void visitsOfTongnan(InspectionGroup group, Staff leader) {
        as(leader);
        for (int i = 0; i < TONGNAN_PLACES.size(); i++) {
            var code = TONGNAN_PLACES.get(i);
            var region = regions.find(new RegionCode(code)).orElseThrow();
            var kind = region.level() == dudao.directory.RegionLevel.TOWNSHIP ? PlaceKind.TOWNSHIP : PlaceKind.VILLAGE;
            fieldwork.recordVisit(
                    group.id(),
                    new NewVisit(
                            LocalDate.of(2018, 7, 22 + i % 6),
                            code,
                            null,
                            null,
                            kind,
                            i % 2 == 0 ? VisitMode.OPEN : VisitMode.COVERT,
                            false,
                            "下沉检查指导"),
                    leader);
        }
        for (int i = 0; i < TONGNAN_DEPARTMENTS.size(); i++) {
            var unit = units.named(group.region(), TONGNAN_DEPARTMENTS.get(i)).orElseThrow();
            fieldwork.recordVisit(
                    group.id(),
                    new NewVisit(
                            LocalDate.of(2018, 7, 25 + i),
                            null,
                            unit.id().value(),
                            null,
                            PlaceKind.DEPARTMENT,
                            VisitMode.COVERT,
                            false,
                            "明察暗访政法办案部门"),
                    leader);
        }
    }

    private static void as(Staff staff) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                staff,
                null,
                List.of(
                        new SimpleGrantedAuthority(Authorities.STAFF),
                        new SimpleGrantedAuthority(staff.role().authority()))));
        SecurityContextHolder.setContext(context);
    }

    private Staff staff(String username) {
        return accounts.principal(username).orElseThrow();
    }
}
