package dudao.clues;

import dudao.audit.AuditTrail;
import dudao.campaign.Campaigns;
import dudao.directory.Jurisdiction;
import dudao.directory.Region;
import dudao.directory.RegionCode;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.StaffId;
import dudao.directory.Unit;
import dudao.directory.Units;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo round's clues (only with demo data on, and only once): a few hundred tips from every channel across the 40
 * districts, most in 江津区 and 巴南区, in every state of their handling, some duplicates merged, some naming officials
 * and routed to discipline, and a key-clue list. Every clue goes through the module's own intake and steps, dated in
 * the round (16–30 July 2018), in one transaction so that a failed start leaves none behind.
 */
@Component
class ClueDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClueDemoData.class);
    static final String ANCHOR = "江津区珞璜镇某砂石厂老板刘某长期纠集社会闲散人员，强迫周边建筑工地高价购买其砂石，不从者遭到殴打威胁";
    private static final ZoneId CHINA = ClueIntake.CHINA;
    private static final LocalDate ROUND_START = LocalDate.of(2018, 7, 16);

    private static final String[][] TEMPLATES = {
        {"FORCED_TRADING", "%s某砂石厂老板%s纠集社会闲散人员，强迫周边工地高价购买其砂石，不从者遭到威胁"},
        {"FORCED_TRADING", "%s一带的红白喜事须由%s一伙承包，群众另请他人即被上门滋事"},
        {"VILLAGE_BULLY", "%s某村村民%s横行乡里，强占集体土地，多次殴打阻拦的村民"},
        {"VILLAGE_BULLY", "%s的%s自称“村里说了算”，强行低价承包村集体鱼塘，村民敢怒不敢言"},
        {"ILLEGAL_LENDING", "%s在%s放高利贷，月息高达三分，借款人无力偿还即上门滋扰、泼油漆"},
        {"VIOLENT_DEBT_COLLECTION", "%s一伙人受%s指使暴力讨债，将欠款人关押在出租屋内两天"},
        {"MARKET_BULLYING", "%s农贸市场被%s一伙把持，外来摊贩须交管理费才能摆摊"},
        {"PORN_GAMBLING_DRUGS", "%s某茶楼老板%s长期组织赌博，并安排专人放哨望风"},
        {"ILLEGAL_MINING", "%s长江河段有人受%s雇佣夜间非法采砂，威胁前来制止的群众"},
        {"CLAN_FORCE", "%s某村%s家族依仗人多势众，操纵村委会选举，排挤外姓村民"},
        {"INTERFERING_GRASSROOTS", "%s村干部选举期间，%s以暴力威胁其他候选人退出竞选"},
        {"ORGANISED_GANG", "%s一带以%s为首的团伙长期开设赌场、敲诈勒索，组织严密，成员分工明确"},
        {"OTHER", "%s某小区物业与业主因停车费发生纠纷，%s要求有关部门出面调解"},
        {"OTHER", "%s某工厂噪音扰民，多次向%s反映未果"}
    };
    private static final String[] NAMES = {"刘某", "张某", "李某", "陈某", "杨某", "黄某", "吴某", "徐某", "孙某", "胡某", "朱某", "高某"};
    private static final Channel[] CHANNELS = {
        Channel.HOTLINE,
        Channel.HOTLINE,
        Channel.HOTLINE,
        Channel.LETTER,
        Channel.VISIT,
        Channel.SWEEP,
        Channel.TRANSFER
    };

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Units units;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final MovableClock clock = new MovableClock();
    private final ClueIntake intake;
    private final ClueHandling handling;

    ClueDemoData(
            JdbcClient jdbc,
            Regions regions,
            Units units,
            ClueKeys keys,
            ClueStore store,
            ClueProperties properties,
            Campaigns campaigns,
            WorkingCalendar calendar,
            AuditTrail audit,
            TransactionTemplate transactions,
            ClueSupervision supervision,
            @Value("${dudao.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.units = units;
        this.transactions = transactions;
        this.enabled = enabled;
        // The module's own intake and steps, on a clock the demo moves through the round; called inside the demo's
        // one transaction.
        this.intake = new ClueIntake(jdbc, regions, keys, store, properties, audit, clock);
        this.handling = new ClueHandling(
                store, units, calendar, properties, campaigns, keys, jdbc, audit, clock, null, supervision);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled
                || jdbc.sql("select exists (select 1 from clue where demo)")
                        .query(Boolean.class)
                        .single()) {
            return;
        }
        long started = System.nanoTime();
        int count = transactions.execute(status -> load());
        log.info("Loaded {} demo clues in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    private int load() {
        var random = new Random(20180716);
        var city = staff(Role.CITY_OFFICE, RegionCode.CITY, "重庆市", Jurisdiction.wholeCity(), null);
        var discipline = staff(Role.DISCIPLINE, RegionCode.CITY, "重庆市", Jurisdiction.wholeCity(), null);
        var cityDiscipline = units.named(RegionCode.CITY, "市纪委监委").orElseThrow();
        int count = 0;
        var districts = regions.districts(Jurisdiction.wholeCity());
        for (var district : districts) {
            boolean large = district.code().value().equals("500116")
                    || district.code().value().equals("500113");
            int n = large ? 45 : 6;
            var towns = regions.within(Jurisdiction.of(district), RegionLevel.TOWNSHIP);
            var police = units.within(Jurisdiction.of(district), district.code(), "POLICE").stream()
                    .filter(u -> u.region().equals(district.code()))
                    .findFirst()
                    .orElseThrow();
            var handler = staff(Role.UNIT_HANDLER, district.code(), district.name(), Jurisdiction.of(district), police);
            var previous = new ArrayList<Long>();
            for (int i = 0; i < n; i++) {
                var town = towns.isEmpty()
                        ? district.name()
                        : towns.get(random.nextInt(towns.size())).name();
                String description;
                ActivityCategory category;
                if (district.code().value().equals("500116") && i == 0) {
                    description = ANCHOR;
                    category = ActivityCategory.FORCED_TRADING;
                } else {
                    var template = TEMPLATES[random.nextInt(TEMPLATES.length)];
                    description = district.name() + template[1].formatted(town, NAMES[random.nextInt(NAMES.length)]);
                    category = ActivityCategory.valueOf(template[0]);
                }
                boolean officials = i > 0 && random.nextInt(100) < 7 && category != ActivityCategory.OTHER;
                if (officials) {
                    description += "，多次举报未被查处，疑有当地公职人员充当保护伞";
                }
                var day = ROUND_START.plusDays(random.nextInt(15));
                var received = day.atTime(9 + random.nextInt(9), random.nextInt(60))
                        .atZone(CHINA)
                        .toInstant();
                clock.at(received);
                var reporter = reporter(random);
                var name = description.contains("刘某") ? "刘某" : NAMES[random.nextInt(NAMES.length)];
                var clue = new NewClue(
                        CHANNELS[random.nextInt(CHANNELS.length)],
                        district.code().value(),
                        groupOf(district),
                        null,
                        received.atOffset(ZoneOffset.ofHours(8)),
                        reporter,
                        List.of(new NewClue.Person(random.nextInt(5) == 0 ? "不清楚" : name, "")),
                        new NewClue.Activity(category, town, "2018年" + (5 + random.nextInt(3)) + "月", description),
                        officials ? List.of(new NewClue.Person("不清楚", "当地派出所民警")) : List.of());
                var id = intake.record(clue, city, true).id();
                count++;
                boolean duplicate = !previous.isEmpty() && random.nextInt(100) < 6;
                if (duplicate) {
                    handling.merge(id, new ClueId(previous.get(random.nextInt(previous.size()))), city);
                    continue;
                }
                previous.add(id.value());
                advance(
                        random,
                        id,
                        category,
                        officials,
                        reporter != null && reporter.reachable(),
                        received,
                        city,
                        discipline,
                        handler,
                        police,
                        cityDiscipline,
                        random.nextInt(100));
            }
        }
        return count;
    }

    /** Takes a clue as far as its draw says: about one in eight stays received, a third is closed. */
    private void advance(
            Random random,
            ClueId id,
            ActivityCategory category,
            boolean officials,
            boolean reachable,
            Instant received,
            Staff city,
            Staff discipline,
            Staff handler,
            Unit police,
            Unit cityDiscipline,
            int draw) {
        var at = received;
        if (draw < 12) {
            return;
        }
        var by = officials ? discipline : city;
        at = step(at, random);
        if (category == ActivityCategory.OTHER) {
            handling.transfer(id, "区信访办", "关于移交不属于涉黑涉恶问题线索的函", by);
            if (draw >= 50) {
                if (reachable) {
                    at = step(at, random);
                    handling.reply(id, "您反映的问题不属于涉黑涉恶范围，已移交有关部门办理。", by);
                }
                at = step(at, random);
                handling.close(id, by);
            }
            return;
        }
        var scope = category == ActivityCategory.ORGANISED_GANG ? Scope.GANG : Scope.EVIL;
        handling.triage(id, scope, category == ActivityCategory.UNKNOWN ? ActivityCategory.OTHER : category, by);
        if (category == ActivityCategory.ORGANISED_GANG) {
            handling.study(id, true, "市扫黑办会同检查指导组共同研判：组织特征明显，列为重点线索，提级督办。", by);
        }
        if (draw < 22) {
            return;
        }
        at = step(at, random);
        handling.assign(id, (officials ? cityDiscipline : police).id(), null, by);
        if (draw < 40) {
            return;
        }
        at = step(at, random);
        var results = VerifyResult.values();
        var result = results[random.nextInt(results.length)];
        handling.verify(
                id,
                Set.of(VerifyMethod.values()[random.nextInt(3)], VerifyMethod.values()[3 + random.nextInt(3)]),
                "经" + (officials ? "纪委监委" : "承办单位") + "查证，"
                        + switch (result) {
                            case TRUE -> "反映问题属实";
                            case PARTLY_TRUE -> "反映问题部分属实";
                            case UNTRUE -> "反映问题不属实";
                            case CANNOT_VERIFY -> "因线索信息不足无法查证";
                            case CASE_OPENED -> "已立案侦查";
                        },
                result,
                officials ? discipline : handler);
        if (draw < 52) {
            return;
        }
        at = step(at, random);
        handling.review(id, true, null, by);
        if (draw < 62) {
            return;
        }
        if (reachable) {
            at = step(at, random);
            handling.reply(id, "您反映的问题已查证办理，感谢您对扫黑除恶专项斗争的支持。", by);
        }
        step(at, random);
        handling.close(id, by);
    }

    private Instant step(Instant at, Random random) {
        var next = at.plusSeconds(3600L * (4 + random.nextInt(40)));
        clock.at(next);
        return next;
    }

    /** The article's groups 13 (巴南区) and 16 (江津区); the other postings belong to the campaign module. */
    private static Integer groupOf(Region district) {
        return switch (district.code().value()) {
            case "500113" -> 13;
            case "500116" -> 16;
            default -> null;
        };
    }

    private static NewClue.Reporter reporter(Random random) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            return null;
        }
        var phone = "139" + String.format("%08d", random.nextInt(100_000_000));
        if (kind < 4) {
            return new NewClue.Reporter(null, phone, null, null);
        }
        return new NewClue.Reporter(
                "群众" + (char) ('甲' + random.nextInt(10)) + (1 + random.nextInt(99)), phone, null, null);
    }

    private static Staff staff(Role role, RegionCode region, String regionName, Jurisdiction scope, Unit unit) {
        return new Staff(
                new StaffId(0),
                "demo-data",
                "演示数据",
                role,
                region,
                regionName,
                scope,
                unit == null ? null : unit.id(),
                true);
    }

    /** A clock the demo sets to each step's time in the round. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.now();

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
