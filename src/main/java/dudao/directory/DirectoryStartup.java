package dudao.directory;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start: in the demo profile, the demo accounts (created once, then kept) and a banner with the address and the
 * accounts; outside it, a refusal to run while anybody could sign in with the demo password, and the first
 * administrator when the directory is empty.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectoryStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryStartup.class);

    /** The demo accounts; other issues add records to them, the names stay stable. */
    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("city", "市扫黑办 王敏", Role.CITY_OFFICE, "500000", null),
            new DemoAccount("leader", "领导小组 刘强", Role.LEADER, "500000", null),
            new DemoAccount("group16", "第16组组长 陈建国", Role.GROUP_LEADER, "500116", null),
            new DemoAccount("group13", "第13组组长 李卫东", Role.GROUP_LEADER, "500113", null),
            new DemoAccount("jiangjin", "江津区扫黑办 周丽", Role.DISTRICT_OFFICE, "500116", null),
            new DemoAccount("banan", "巴南区扫黑办 吴涛", Role.DISTRICT_OFFICE, "500113", null),
            new DemoAccount("jiangjin-police", "江津区公安局 赵鹏", Role.UNIT_HANDLER, "500116", "江津区公安局"),
            new DemoAccount("discipline", "市纪委监委 孙洁", Role.DISCIPLINE, "500000", null),
            new DemoAccount("auditor", "审计 郑宇", Role.AUDITOR, "500000", null));

    record DemoAccount(String username, String displayName, Role role, String region, String unitName) {}

    /** The demo accounts' addresses: a reserved domain, so that nothing sent from the demo reaches anybody. */
    static String demoEmail(String username) {
        return username + "@dudao.example";
    }

    private final StaffAccounts accounts;
    private final Mailboxes mailboxes;
    private final Units units;
    private final DemoProperties demo;
    private final AdminProperties admin;
    private final Environment environment;

    DirectoryStartup(
            StaffAccounts accounts,
            Mailboxes mailboxes,
            Units units,
            DemoProperties demo,
            AdminProperties admin,
            Environment environment) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.units = units;
        this.demo = demo;
        this.admin = admin;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.enabled()) {
            for (var account : DEMO_ACCOUNTS) {
                if (!accounts.exists(account.username())) {
                    Long unit = account.unitName() == null
                            ? null
                            : units.named(new RegionCode(account.region()), account.unitName())
                                    .orElseThrow()
                                    .id()
                                    .value();
                    accounts.createWithPassword(
                            new NewAccount(
                                    account.username(), account.displayName(), account.role(), account.region(), unit),
                            demo.password(),
                            true);
                }
                mailboxes.set(account.username(), demoEmail(account.username()));
            }
            return;
        }
        refuseKnownPasswords();
        if (!accounts.any()) {
            if (admin.username() == null
                    || admin.username().isBlank()
                    || admin.password() == null
                    || admin.password().length() < 12) {
                log.warn("The directory is empty: set DUDAO_ADMIN_USERNAME and DUDAO_ADMIN_PASSWORD (12 characters"
                        + " or more) to create the first city-office administrator.");
                return;
            }
            accounts.createWithPassword(
                    new NewAccount(
                            admin.username().trim().toLowerCase(),
                            admin.username().trim(),
                            Role.CITY_OFFICE,
                            RegionCode.CITY.value(),
                            null),
                    admin.password(),
                    false);
            log.info(
                    "Created the first administrator '{}'; it enrols its second factor at first sign-in.",
                    admin.username());
        }
    }

    /**
     * A production start refuses to run while anybody could sign in with a password the demo publishes: enabled demo
     * accounts, a first administrator to be created with it, or an enabled account that has it. Every reason is named
     * at once, so that one restart after fixing them is enough.
     */
    private void refuseKnownPasswords() {
        var refusals = new ArrayList<String>();
        var known = demo.knownPasswords();
        if (admin.password() != null && known.contains(admin.password())) {
            refusals.add("DUDAO_ADMIN_PASSWORD is the demo password: choose another");
        }
        long demoAccounts = accounts.enabledDemoAccounts();
        if (demoAccounts > 0) {
            refusals.add(demoAccounts + " demo accounts with the demo password are enabled: disable them first (or"
                    + " start with DUDAO_DEMO=true)");
        }
        var withDemoPassword = accounts.enabledWithPassword(
                known, DEMO_ACCOUNTS.stream().map(DemoAccount::username).toList());
        if (!withDemoPassword.isEmpty()) {
            refusals.add("enabled accounts sign in with the demo password (" + String.join(", ", withDemoPassword)
                    + "): reset or disable them first");
        }
        if (!refusals.isEmpty()) {
            throw new IllegalStateException(
                    "Refusing to start without the demo profile: " + String.join("; ", refusals) + ".");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void banner() {
        if (!demo.enabled()) {
            return;
        }
        var port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        var out = new StringBuilder("\n\n  Dudao 督导 is ready: http://localhost:" + port + "/\n\n");
        out.append("  Demo accounts (second factor off; password from DUDAO_DEMO_PASSWORD, default "
                + DemoProperties.PUBLISHED_PASSWORD + "):\n");
        for (var account : DEMO_ACCOUNTS) {
            out.append(
                    String.format("    %-16s %-16s %s%n", account.username(), account.role(), account.displayName()));
        }
        log.info(out.toString());
    }
}
