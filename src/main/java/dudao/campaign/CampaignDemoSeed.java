package dudao.campaign;

import dudao.directory.AccountFilter;
import dudao.directory.Jurisdiction;
import dudao.directory.NewAccount;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
import dudao.platform.Paged;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo campaign of the seed article, set up once through the same services the city office uses: the campaign
 * with its six focus areas, the round of 16–30 July 2018 in three phases, and 40 groups in the 40 district-level
 * units (the numbers the article names go to the units it names them with), each with a leader. Runs after the
 * directory's demo accounts exist, only with demo data enabled.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class CampaignDemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CampaignDemoSeed.class);

    record Posting(int number, String region) {}

    /** From shared/reference/chongqing-districts.csv; numbers not named by the article fill the gaps in file order. */
    static final List<Posting> POSTINGS = List.of(
            new Posting(1, "500101"),
            new Posting(3, "500102"),
            new Posting(4, "500103"),
            new Posting(5, "500104"),
            new Posting(6, "500105"),
            new Posting(7, "500106"),
            new Posting(8, "500107"),
            new Posting(9, "500108"),
            new Posting(10, "500109"),
            new Posting(11, "500110"),
            new Posting(12, "500111"),
            new Posting(14, "500112"),
            new Posting(13, "500113"),
            new Posting(2, "500114"),
            new Posting(15, "500115"),
            new Posting(16, "500116"),
            new Posting(17, "500117"),
            new Posting(18, "500118"),
            new Posting(19, "500119"),
            new Posting(20, "500120"),
            new Posting(23, "500151"),
            new Posting(24, "500152"),
            new Posting(21, "500153"),
            new Posting(22, "500154"),
            new Posting(25, "500155"),
            new Posting(26, "500156"),
            new Posting(27, "500229"),
            new Posting(28, "500230"),
            new Posting(29, "500231"),
            new Posting(30, "500233"),
            new Posting(31, "500235"),
            new Posting(32, "500236"),
            new Posting(33, "500237"),
            new Posting(36, "500238"),
            new Posting(34, "500240"),
            new Posting(35, "500241"),
            new Posting(39, "500242"),
            new Posting(40, "500243"),
            new Posting(37, "5001LJ"),
            new Posting(38, "5001WS"));

    /** The demo accounts that lead their district's group; the other groups get a leader account of their own. */
    static final Map<Integer, String> DEMO_LEADERS = Map.of(16, "group16", 13, "group13");

    /** The six focus areas ("六个重点") with checklist items drawn from 第36组's six ways of checking them. */
    static final Map<String, List<String>> FOCUS_AREAS = new java.util.LinkedHashMap<>();

    static {
        FOCUS_AREAS.put(
                "政治站位", List.of("党委（党组）传达学习中央和市委部署，研究部署专项斗争", "主要负责人履行第一责任人职责，亲自部署、亲自过问", "把专项斗争纳入年度工作重点和考核内容"));
        FOCUS_AREAS.put("依法严惩", List.of("涉黑涉恶案件依法快侦快诉快审，打击规范", "公检法统一执法思想和数据口径", "挂牌督办案件按期办结"));
        FOCUS_AREAS.put("综合治理", List.of("行业主管部门开展重点行业领域清理整顿", "挂牌社会治安重点地区整治见效", "宣传发动覆盖镇街村社，群众知晓率高"));
        FOCUS_AREAS.put("深挖彻查", List.of("线索逐条登记、分类交办、跟踪督办", "深挖黑恶势力背后的“保护伞”", "查证结果有记录、可核查"));
        FOCUS_AREAS.put("基层组织建设", List.of("软弱涣散村（社区）党组织整顿到位", "村“两委”候选人资格联审", "连续任职三届以上村干部逐一走访"));
        FOCUS_AREAS.put("组织领导", List.of("扫黑办机构、人员、经费落实", "建立工作例会、通报、督办制度", "对检查指导组反馈问题建立整改台账"));
    }

    static final List<String[]> CLUE_CATEGORIES = List.of(
            new String[] {"GANG", "涉黑", "30"},
            new String[] {"EVIL", "涉恶", "30"},
            new String[] {"UMBRELLA", "“保护伞”", "30"},
            new String[] {"OUT_OF_SCOPE", "非涉黑恶（分类移交）", "15"});

    static final List<String[]> KEY_PLACES = List.of(
            new String[] {"500106001001", "LISTED_AREA"},
            new String[] {"500106019001", "LISTED_AREA"},
            new String[] {"500106002001", "LISTED_AREA"},
            new String[] {"500106004001", "LISTED_AREA"},
            new String[] {"500152001001", "LISTED_AREA"},
            new String[] {"500152001002", "LISTED_AREA"},
            new String[] {"500152002001", "LISTED_AREA"},
            new String[] {"500152003001", "LISTED_AREA"},
            new String[] {"500152010001", "LISTED_AREA"},
            new String[] {"500152005001", "WEAK_VILLAGE"},
            new String[] {"500152008001", "WEAK_VILLAGE"},
            new String[] {"500152013001", "WEAK_VILLAGE"},
            new String[] {"500152017001", "WEAK_VILLAGE"},
            new String[] {"500152020001", "WEAK_VILLAGE"});

    private final boolean enabled;
    private final Campaigns campaigns;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final StaffAccounts accounts;
    private final Regions regions;
    private final TransactionTemplate transactions;

    CampaignDemoSeed(
            @Value("${dudao.demo.enabled:false}") boolean enabled,
            Campaigns campaigns,
            Rounds rounds,
            InspectionGroups groups,
            StaffAccounts accounts,
            Regions regions,
            TransactionTemplate transactions) {
        this.enabled = enabled;
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.groups = groups;
        this.accounts = accounts;
        this.regions = regions;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || campaigns.named(DemoCampaign.NAME).isPresent()) {
            return;
        }
        long started = System.nanoTime();
        var city = staff("city");
        var context = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            city,
                            null,
                            List.of(new SimpleGrantedAuthority(city.role().authority()))));
            transactions.executeWithoutResult(tx -> seed(city));
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(context);
        }
        log.info("Demo campaign set up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void seed(Staff city) {
        var campaign = campaigns.create(new NewCampaign(DemoCampaign.NAME, CampaignKind.ANTI_GANG), city);
        FOCUS_AREAS.forEach((area, items) -> {
            var id = campaigns.addFocusArea(campaign, area, city);
            items.forEach(item -> campaigns.addChecklistItem(id, item, city));
        });
        for (var category : CLUE_CATEGORIES) {
            campaigns.setClueCategory(campaign, category[0], category[1], Integer.parseInt(category[2]), city);
        }
        for (var place : KEY_PLACES) {
            campaigns.listKeyPlace(campaign, new RegionCode(place[0]), KeyPlaceKind.valueOf(place[1]), city);
        }
        var round = rounds.create(
                campaign,
                new NewRound(
                        DemoCampaign.ROUND_NAME,
                        DemoCampaign.ROUND_STARTS,
                        DemoCampaign.ROUND_ENDS,
                        List.of(
                                new NewRound.NewPhase(PhaseKind.DISTRICT_LEVEL, "区县层面检查指导", day(16), day(21)),
                                new NewRound.NewPhase(PhaseKind.TOWNSHIPS, "下沉镇街检查指导", day(22), day(27)),
                                new NewRound.NewPhase(PhaseKind.SUMMARY, "汇总反馈", day(28), day(30)))),
                city);
        for (var posting : POSTINGS) {
            var region = regions.find(new RegionCode(posting.region())).orElseThrow();
            var id = groups.create(
                    round,
                    new NewGroup(
                            posting.number(),
                            posting.region(),
                            String.format("023-6%07d", 1_000_000 + posting.number() * 7_919),
                            "重庆市" + region.name() + "邮政局第" + (100 + posting.number()) + "号信箱",
                            region.name() + "机关招待所",
                            DemoCampaign.GROUPS_ENTER,
                            DemoCampaign.ROUND_ENDS),
                    city);
            var username = DEMO_LEADERS.getOrDefault(posting.number(), "group" + posting.number());
            if (!DEMO_LEADERS.containsKey(posting.number()) && findAccount(username) == null) {
                accounts.create(
                        new NewAccount(
                                username, "第" + posting.number() + "组组长", Role.GROUP_LEADER, posting.region(), null),
                        city);
            }
            groups.addMember(id, staff(username).id(), InspectionGroup.MemberRole.LEADER, city);
        }
    }

    private static LocalDate day(int july) {
        return LocalDate.of(2018, 7, july);
    }

    private dudao.directory.Account findAccount(String username) {
        return accounts
                .find(new AccountFilter(username, null, null, null), Jurisdiction.wholeCity(), new Paged.Request(0, 50))
                .items()
                .stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElse(null);
    }

    /** The account as the principal it signs in as. */
    private Staff staff(String username) {
        var account = findAccount(username);
        if (account == null) {
            throw new IllegalStateException("Demo account " + username + " is missing");
        }
        var region = regions.find(account.region()).orElseThrow();
        return new Staff(
                account.id(),
                account.username(),
                account.displayName(),
                account.role(),
                account.region(),
                account.regionName(),
                Jurisdiction.of(region),
                account.unit(),
                account.secondFactorOff());
    }
}
