package dudao.rectification;

import dudao.campaign.Campaign;
import dudao.campaign.Campaigns;
import dudao.campaign.DemoCampaign;
import dudao.campaign.InspectionGroup;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Round;
import dudao.campaign.Rounds;
import dudao.deadlines.Deadlines;
import dudao.directory.AccountFilter;
import dudao.directory.Jurisdiction;
import dudao.directory.NewAccount;
import dudao.directory.Region;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
import dudao.directory.Unit;
import dudao.directory.Units;
import dudao.platform.Paged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The demo round's problem list, replayed through the workflow day by day from 17 to 30 July 2018, with the deadline
 * ladder swept at the end of each day: 1,291 problems across the 40 groups, 848 of them closed out by 30 July, group
 * 13 (巴南区) with its 31 rectification suggestions; some overdue, some extended, a few supervision notices, and one
 * problem reopened by a look-back in August. Runs once (all or nothing), only with demo data enabled.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 300)
class RectificationDemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RectificationDemoSeed.class);

    static final int FOUND = 1291;
    static final int CLOSED = 848;
    static final int GROUP_13_SUGGESTIONS = 31;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate END = DemoCampaign.ROUND_ENDS;

    /** Per focus area: the lead unit's kind, an assisting unit's kind, and problems (title, description, suggestion, measures). */
    record Area(String leadKind, String assistingKind, List<String[]> problems) {}

    static final Map<String, Area> AREAS = Map.of(
            "政治站位",
            new Area(
                    "POLITICAL_LEGAL",
                    "CAMPAIGN_OFFICE",
                    List.of(
                            new String[] {
                                "党委常委会研究专项斗争不及时",
                                "区（县）委常委会今年以来仅一次专题研究专项斗争，部署停留在传达文件层面。",
                                "建立常委会定期研究机制，每季度至少专题研究一次。",
                                "已召开常委会专题研究，制定定期研究制度。"
                            },
                            new String[] {
                                "主要负责人第一责任人职责落实不到位",
                                "主要负责人未亲自过问重点案件，督办记录缺失。",
                                "主要负责人亲自督办重点案件，建立督办台账。",
                                "主要负责人已逐案督办，督办台账已建立。"
                            },
                            new String[] {
                                "专项斗争未纳入年度考核", "年度目标考核办法未列入专项斗争内容。", "修订考核办法，将专项斗争纳入年度考核并提高权重。", "已修订考核办法并印发执行。"
                            })),
            "依法严惩",
            new Area(
                    "POLICE",
                    "PROCURATORATE",
                    List.of(
                            new String[] {
                                "涉黑涉恶案件侦办进度缓慢", "部分涉恶案件立案后超过三个月未取得实质进展。", "成立专案组，挂牌督办，限期攻坚。", "已成立专案组，案件已移送审查起诉。"
                            },
                            new String[] {"“打财断血”措施不到位", "已判决案件涉案财产查封、扣押、冻结不彻底。", "全面清查涉案资产，依法追缴。", "已完成涉案资产清查，依法查封冻结。"
                            },
                            new String[] {"线索核查质量不高", "部分线索核查“以传代查”，核查报告过于简单。", "重新核查，逐条写明核查过程和结论。", "已重新核查并形成完整核查报告。"},
                            new String[] {"公检法协作配合机制不健全", "重大案件提前介入不够，退查率偏高。", "建立重大案件提前介入、联席会商机制。", "已建立联席会商机制并召开首次会议。"
                            })),
            "综合治理",
            new Area(
                    "POLITICAL_LEGAL",
                    "JUSTICE",
                    List.of(
                            new String[] {
                                "重点行业领域乱象整治不彻底", "砂石、运输等行业仍有强揽工程、欺行霸市现象反映。", "开展行业专项整治，建立行业监管长效机制。", "已开展行业专项整治，查处违规企业。"
                            },
                            new String[] {"宣传发动不够深入", "走访群众中对专项斗争和举报电话知晓率偏低。", "进村入户开展宣传，公开举报方式。", "已开展集中宣传活动，张贴公告。"},
                            new String[] {
                                "行业主管部门监管责任落实不到位", "部分主管部门未建立涉黑涉恶问题线索移送机制。", "建立线索移送和问题通报机制。", "已建立线索移送机制并明确责任人。"
                            })),
            "深挖彻查",
            new Area(
                    "POLICE",
                    "DISCIPLINE",
                    List.of(
                            new String[] {
                                "深挖“保护伞”力度不够", "已办结涉黑案件未同步开展“保护伞”倒查。", "对已办结案件逐案倒查“保护伞”，线索移送纪委监委。", "已逐案倒查，移送相关线索。"
                            },
                            new String[] {
                                "“一案三查”落实不到位", "部分案件未同步查处背后的腐败和失职失责问题。", "落实“一案三查”，同步追责问责。", "已落实“一案三查”，立案审查相关人员。"
                            },
                            new String[] {"线索“双向移送”不畅", "公安机关与纪检监察机关线索移送反馈不及时。", "建立线索双向移送、定期反馈制度。", "已建立双向移送台账，按月反馈。"
                            })),
            "基层组织建设",
            new Area(
                    "POLITICAL_LEGAL",
                    "TOWNSHIP",
                    List.of(
                            new String[] {"软弱涣散村党组织整顿不到位", "个别村党组织软弱涣散，宗族势力干扰村务。", "选派第一书记，开展集中整顿。", "已选派第一书记，完成整顿。"},
                            new String[] {
                                "村“两委”换届候选人资格审查不严", "村干部候选人资格联审机制执行不严格。", "严格落实资格联审，清理不符合条件人员。", "已完成复审并清理不符合条件人员。"
                            },
                            new String[] {"基层网格化管理作用发挥不够", "网格员排查涉黑涉恶线索积极性不高。", "完善网格员排查报告制度和激励机制。", "已完善网格员排查报告制度。"})),
            "组织领导",
            new Area(
                    "POLITICAL_LEGAL",
                    "CAMPAIGN_OFFICE",
                    List.of(
                            new String[] {"扫黑办实体化运作不到位", "区（县）扫黑办人员抽调不足，未实行集中办公。", "充实工作力量，实行实体化集中办公。", "已抽调专人集中办公。"},
                            new String[] {"督导问责机制不健全", "对工作推进不力的单位缺少督办问责措施。", "建立督办、约谈、问责工作机制。", "已印发督办问责办法。"},
                            new String[] {"工作台账不规范", "专项斗争工作台账记录不完整，数据不准确。", "规范台账管理，逐项核对数据。", "已重新规范工作台账。"})));

    private final ProblemList problems;
    private final Campaigns campaigns;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Regions regions;
    private final Units units;
    private final StaffAccounts accounts;
    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final boolean background;

    RectificationDemoSeed(
            ProblemList problems,
            Campaigns campaigns,
            Rounds rounds,
            InspectionGroups groups,
            Regions regions,
            Units units,
            StaffAccounts accounts,
            Deadlines deadlines,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Value("${dudao.demo.enabled:false}") boolean enabled,
            @Value("${dudao.rectification.demo-in-background:true}") boolean background) {
        this.problems = problems;
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.groups = groups;
        this.regions = regions;
        this.units = units;
        this.accounts = accounts;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.enabled = enabled;
        this.background = background;
    }

    /**
     * Replaying some 6,000 transitions takes half a minute on two cores, so the application does it in the background
     * and serves sign-in meanwhile (the problem list fills within a minute); tests replay before they start.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (background) {
            var thread = new Thread(
                    () -> {
                        try {
                            seed();
                        } catch (RuntimeException e) {
                            log.error("The demo problem list could not be replayed", e);
                        }
                    },
                    "demo-problem-list");
            thread.setDaemon(true);
            thread.start();
        } else {
            seed();
        }
    }

    void seed() {
        var campaign = campaigns.named(DemoCampaign.NAME).orElse(null);
        if (campaign == null) {
            return;
        }
        var round = rounds.ofCampaign(campaign.id()).stream()
                .filter(r -> r.name().equals(DemoCampaign.ROUND_NAME))
                .findFirst()
                .orElse(null);
        if (round == null
                || jdbc.sql("select exists (select 1 from problem where round_id = ?)")
                        .param(round.id().value())
                        .query(Boolean.class)
                        .single()) {
            return;
        }
        long started = System.nanoTime();
        var context = SecurityContextHolder.getContext();
        // The replay acts in people's names on a context of its own: setting them on the caller's context would leave
        // the last of them signed in on the starting thread once the replay is done.
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            new Replay(campaign, round).run();
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(context);
        }
        log.info("Demo problem list replayed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** One planned action: at a moment, by someone, on the problem of a plan. */
    private record Action(Instant at, int order, Runnable run) {}

    /** What happens to one problem. */
    private static final class Plan {
        InspectionGroup group;
        Region region;
        Campaign.FocusArea area;
        String[] text;
        Unit lead;
        Unit assisting;
        LocalDate recorded;
        ProblemId id;
    }

    private final class Replay {

        private final Campaign campaign;
        private final Round round;
        private final Random random = new Random(20180730L);
        private final Map<String, Staff> staff = new HashMap<>();
        private final List<Action> actions = new ArrayList<>();
        private Staff city;
        private int sequence;

        Replay(Campaign campaign, Round round) {
            this.campaign = campaign;
            this.round = round;
        }

        /**
         * Plans in one transaction (the handler accounts), then replays one transaction per day, so that the audit
         * trail's lock is held only briefly while people sign in.
         */
        void run() {
            transactions.executeWithoutResult(tx -> {
                city = staff("city");
                act(city, () -> {});
                var roundGroups = groups.ofRound(round.id(), Jurisdiction.wholeCity()).stream()
                        .sorted(Comparator.comparingInt(InspectionGroup::number))
                        .toList();
                schedule(plans(roundGroups));
            });
            actions.sort(Comparator.comparing(Action::at).thenComparingInt(Action::order));
            var byDay = new java.util.TreeMap<LocalDate, List<Action>>();
            for (var action : actions) {
                byDay.computeIfAbsent(LocalDate.ofInstant(action.at(), ZONE), d -> new ArrayList<>())
                        .add(action);
            }
            for (var day = round.startsOn(); !day.isAfter(END); day = day.plusDays(1)) {
                byDay.putIfAbsent(day, List.of());
            }
            byDay.forEach((day, todays) -> transactions.executeWithoutResult(tx -> {
                todays.forEach(action -> action.run().run());
                if (!day.isAfter(END)) {
                    act(city, () -> deadlines.sweep(day));
                }
            }));
        }

        /** 1,291 problems: 31 for group 13, 33 for the first twelve other groups, 32 for the rest. */
        private List<Plan> plans(List<InspectionGroup> roundGroups) {
            var plans = new ArrayList<Plan>();
            int others = 0;
            var areas = campaign.focusAreas();
            for (var group : roundGroups) {
                int count;
                if (group.number() == 13) {
                    count = GROUP_13_SUGGESTIONS;
                } else {
                    count = others < 12 ? 33 : 32;
                    others++;
                }
                var district = regions.find(group.region()).orElseThrow();
                var townships = regions.children(group.region(), Jurisdiction.wholeCity());
                for (int i = 0; i < count; i++) {
                    var plan = new Plan();
                    plan.group = group;
                    plan.area = areas.get((i + group.number()) % areas.size());
                    var area = AREAS.get(plan.area.name());
                    plan.text = area.problems()
                            .get((i / areas.size() + group.number())
                                    % area.problems().size());
                    plan.region = townships.isEmpty() || i % 3 != 0 ? district : townships.get(i % townships.size());
                    // One handler account per district (the political-legal committee coordinates), plus 江津区's
                    // police bureau with its demo account: the police lead only there, and assist elsewhere.
                    var leadKind = area.leadKind();
                    var assistingKind = area.assistingKind();
                    if (leadKind.equals("POLICE") && !group.region().value().equals("500116")) {
                        leadKind = "POLITICAL_LEGAL";
                        assistingKind = "POLICE";
                    }
                    plan.lead = unitOf(group.region(), leadKind);
                    plan.assisting = i % 2 == 0 ? null : unitOf(group.region(), assistingKind);
                    if (plan.assisting != null && plan.assisting.id().equals(plan.lead.id())) {
                        plan.assisting = null;
                    }
                    plan.recorded = DemoCampaign.GROUPS_ENTER.plusDays(random.nextInt(10));
                    plans.add(plan);
                }
            }
            if (plans.size() != FOUND) {
                throw new IllegalStateException("Demo plan has " + plans.size() + " problems, not " + FOUND);
            }
            return plans;
        }

        private Unit unitOf(RegionCode district, String kind) {
            var found = units.within(Jurisdiction.wholeCity(), district, kind);
            if (found.isEmpty()) {
                found = units.within(Jurisdiction.wholeCity(), district, "POLITICAL_LEGAL");
            }
            return found.get(0);
        }

        /**
         * Who closes when: 848 problems close by 30 July (about one in twelve after a first rejection); of the rest,
         * some wait to be assigned, some to be acknowledged, some are rectifying (a few overdue with supervision
         * notices, some with extensions), some await verification. One closed problem of group 16 is reopened by the
         * look-back of 20 August.
         */
        private void schedule(List<Plan> plans) {
            var order = new ArrayList<Integer>();
            for (int i = 0; i < plans.size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, random);
            int reopenCandidate = -1;
            for (int k = 0; k < order.size(); k++) {
                var plan = plans.get(order.get(k));
                var leader = leaderOf(plan.group);
                var handler = handlerOf(plan.lead);
                var recordedAt = at(plan.recorded, 9 + random.nextInt(8));
                later(recordedAt, leader, () -> plan.id = problems.record(newProblem(plan), leader, recordedAt));
                if (k >= CLOSED + 380 && k < CLOSED + 400) {
                    continue; // recorded, not yet assigned
                }
                var assignedOn = plan.recorded.plusDays(random.nextInt(2));
                boolean closes = k < CLOSED;
                boolean overdueWithNotice = k >= CLOSED && k < CLOSED + 6;
                boolean overdue = k >= CLOSED + 6 && k < CLOSED + 40;
                int days = overdueWithNotice ? 3 : 10 + random.nextInt(15);
                if (overdueWithNotice) {
                    assignedOn = LocalDate.of(2018, 7, 18 + random.nextInt(3));
                } else if (overdue) {
                    assignedOn = LocalDate.of(2018, 7, 18 + random.nextInt(5));
                }
                if (assignedOn.isBefore(plan.recorded)) {
                    assignedOn = plan.recorded;
                }
                var deadline = closes
                        ? END.plusDays(random.nextInt(20))
                        : overdue
                                ? maxOf(LocalDate.of(2018, 7, 28 + random.nextInt(2)), assignedOn)
                                : assignedOn.plusDays(days);
                var assignedAt = at(assignedOn, 17);
                var due = deadline;
                later(
                        assignedAt,
                        leader,
                        () -> problems.assign(
                                plan.id,
                                new ProblemList.Assignment(
                                        plan.lead.id().value(),
                                        plan.assisting == null
                                                ? List.of()
                                                : List.of(plan.assisting.id().value()),
                                        due),
                                null,
                                leader,
                                assignedAt));
                if (k >= CLOSED + 360 && k < CLOSED + 380) {
                    continue; // assigned, not yet acknowledged
                }
                var acknowledgedAt = at(assignedOn.plusDays(1), 10);
                later(acknowledgedAt, handler, () -> problems.acknowledge(plan.id, null, handler, acknowledgedAt));
                if (k >= CLOSED + 40 && k < CLOSED + 70) {
                    var requestedAt = at(assignedOn.plusDays(2), 11);
                    var extended = deadline.plusDays(15);
                    later(
                            requestedAt,
                            handler,
                            () -> problems.requestExtension(
                                    plan.id, extended, "涉及多部门协调，需延长整改期限", null, handler, requestedAt));
                    if (k < CLOSED + 65) {
                        var approvedAt = at(assignedOn.plusDays(3), 16);
                        later(approvedAt, leader, () -> problems.approveExtension(plan.id, null, leader, approvedAt));
                    }
                    continue;
                }
                if (!closes && k < CLOSED + 300) {
                    continue; // rectifying
                }
                var fedBackOn = closes
                        ? maxOf(assignedOn.plusDays(2 + random.nextInt(4)), assignedOn.plusDays(2))
                        : LocalDate.of(2018, 7, 27 + random.nextInt(3));
                if (fedBackOn.isAfter(END.minusDays(2))) {
                    fedBackOn = END.minusDays(2);
                }
                if (fedBackOn.isBefore(assignedOn.plusDays(1))) {
                    fedBackOn = assignedOn.plusDays(1);
                }
                var fedBackAt = at(fedBackOn, 15);
                later(
                        fedBackAt,
                        handler,
                        () -> problems.submitFeedback(plan.id, plan.text[3], List.of(), null, handler, fedBackAt));
                if (!closes) {
                    continue; // awaiting verification
                }
                var verifiedOn = fedBackOn.plusDays(1);
                if (k % 12 == 0 && verifiedOn.isBefore(END.minusDays(0))) {
                    var rejectedAt = at(verifiedOn, 10);
                    later(
                            rejectedAt,
                            leader,
                            () -> problems.reject(plan.id, "佐证材料不充分，请补充整改前后对比材料", null, leader, rejectedAt));
                    var againAt = at(verifiedOn, 16);
                    later(
                            againAt,
                            handler,
                            () -> problems.submitFeedback(
                                    plan.id, plan.text[3] + "已补充整改前后对比材料。", List.of(), null, handler, againAt));
                    verifiedOn = verifiedOn.plusDays(1);
                }
                if (verifiedOn.isAfter(END)) {
                    verifiedOn = END;
                }
                var acceptedAt = at(verifiedOn, 18);
                later(acceptedAt, leader, () -> problems.accept(plan.id, "经核查，整改到位，予以销号。", null, leader, acceptedAt));
                if (reopenCandidate < 0 && plan.group.number() == 16) {
                    reopenCandidate = order.get(k);
                    var reopenedAt = at(LocalDate.of(2018, 8, 20), 10);
                    later(
                            reopenedAt,
                            city,
                            () -> problems.reopen(
                                    plan.id,
                                    "回头看发现问题反弹：相关场所再次出现强揽工程现象",
                                    LocalDate.of(2018, 9, 5),
                                    null,
                                    city,
                                    reopenedAt));
                }
            }
        }

        private void later(Instant at, Staff who, Runnable run) {
            int order = sequence++;
            actions.add(new Action(at, order, () -> act(who, run)));
        }

        private NewProblem newProblem(Plan plan) {
            return new NewProblem(
                    round.id().value(),
                    plan.group.id().value(),
                    plan.region.code().value(),
                    plan.area.id().value(),
                    Source.FIELDWORK,
                    plan.region.name() + "：" + plan.text[0],
                    plan.text[1],
                    plan.lead.name() + "主要负责人",
                    plan.text[2],
                    "第" + plan.group.number() + "组调阅资料、走访群众发现");
        }

        private Staff leaderOf(InspectionGroup group) {
            var leader = group.leader().orElseThrow();
            return staff(leader.username());
        }

        /** The unit's handler: jiangjin-police for 江津区公安局, else a handler account made for the demo. */
        private Staff handlerOf(Unit unit) {
            var existing = staff.values().stream()
                    .filter(s -> s.unit() != null && s.unit().equals(unit.id()))
                    .findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            if (unit.name().equals("江津区公安局")) {
                return staff("jiangjin-police");
            }
            var username = "h" + unit.id().value();
            if (find(username) == null) {
                act(
                        city,
                        () -> accounts.create(
                                new NewAccount(
                                        username,
                                        unit.name() + " 整改联络员",
                                        Role.UNIT_HANDLER,
                                        unit.region().value(),
                                        unit.id().value()),
                                city));
            }
            return staff(username);
        }

        /**
         * Runs as the person, in a context of its own: setting the authentication on the thread's current context
         * would change that context object, which the caller restores afterwards (and which a test's request on this
         * thread may take as its own).
         */
        private void act(Staff who, Runnable run) {
            var acting = SecurityContextHolder.createEmptyContext();
            acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    who, null, List.of(new SimpleGrantedAuthority(who.role().authority()))));
            SecurityContextHolder.setContext(acting);
            run.run();
        }

        private Staff staff(String username) {
            return staff.computeIfAbsent(username, name -> {
                var account = find(name);
                if (account == null) {
                    throw new IllegalStateException("Demo account " + name + " is missing");
                }
                return new Staff(
                        account.id(),
                        account.username(),
                        account.displayName(),
                        account.role(),
                        account.region(),
                        account.regionName(),
                        Jurisdiction.of(regions.find(account.region()).orElseThrow()),
                        account.unit(),
                        account.secondFactorOff());
            });
        }

        private dudao.directory.Account find(String username) {
            return accounts
                    .find(
                            new AccountFilter(username, null, null, null),
                            Jurisdiction.wholeCity(),
                            new Paged.Request(0, 50))
                    .items()
                    .stream()
                    .filter(a -> a.username().equals(username))
                    .findFirst()
                    .orElse(null);
        }

        private Instant at(LocalDate day, int hour) {
            return day.atTime(LocalTime.of(hour, random.nextInt(60)))
                    .atZone(ZONE)
                    .toInstant();
        }

        private LocalDate maxOf(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
