package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TodayTests {

    static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-11-26T17:30:00Z"), ZoneOffset.UTC);

    @Test
    void isTheDateInChinaByDefault() {
        var today = new Today(LATE_EVENING_UTC, "", false, "2018-07-30");
        assertThat(today.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(today.isFixed()).isFalse();
    }

    @Test
    void theDemoReplaysTheLastDayOfItsRound() {
        assertThat(new Today(LATE_EVENING_UTC, "", true, "2018-07-30").date()).isEqualTo(LocalDate.of(2018, 7, 30));
    }

    @Test
    void anExplicitDateWinsOverTheDemo() {
        assertThat(new Today(LATE_EVENING_UTC, "2018-07-20", true, "2018-07-30").date())
                .isEqualTo(LocalDate.of(2018, 7, 20));
    }
}
