package dudao.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The date campaign work treats as today: which groups are posted, what is overdue, which bulletin is current. It is
 * the clock's date in China, unless {@code dudao.today} fixes it — the demo does, to 2018-07-30, the last day of the
 * round it replays, so that every screen has a live round to show. Timestamps (audit, sessions, tokens) always use
 * the real clock. Outside the demo, {@code dudao.today} is for rehearsals and tests only.
 */
@Component
public class Today {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final LocalDate fixed;

    Today(
            Clock clock,
            @Value("${dudao.today:}") String fixed,
            @Value("${dudao.demo.enabled:false}") boolean demo,
            @Value("${dudao.demo.today:}") String demoToday) {
        this.clock = clock;
        var chosen = fixed != null && !fixed.isBlank() ? fixed : demo ? demoToday : null;
        this.fixed = chosen == null || chosen.isBlank() ? null : LocalDate.parse(chosen.trim());
    }

    public LocalDate date() {
        return fixed != null ? fixed : LocalDate.now(clock.withZone(CHINA));
    }

    public boolean isFixed() {
        return fixed != null;
    }
}
