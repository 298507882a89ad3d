package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.platform.BearerTokens;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** The clue funnel of the demo round, as of a date. */
@DudaoTest
class ClueStatisticsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    BearerTokens tokens;

    @Autowired
    ClueStatistics statistics;

    @Test
    void countsTheDemoRoundsFunnelAsOfAnyDate() {
        var city = SignedIn.staff(mvc, tokens, "city");
        var before = statistics.funnel(LocalDate.of(2018, 7, 15), ClueStatistics.By.DISTRICT, city);
        var after = statistics.funnel(LocalDate.of(2018, 8, 31), ClueStatistics.By.DISTRICT, city);
        var early = before.get(before.size() - 1);
        var total = after.get(after.size() - 1);
        assertThat(early.received()).isZero();
        assertThat(total.received()).isGreaterThan(250);
        assertThat(total.inScope()).isBetween(1L, total.received());
        assertThat(total.verifiedTrue()).isBetween(1L, total.inScope());
        assertThat(total.cases()).isBetween(1L, total.verifiedTrue());
        assertThat(total.transferred()).isPositive();
        assertThat(total.closed()).isBetween(1L, total.received());
        assertThat(after.stream()
                        .filter(r -> "江津区".equals(r.label()))
                        .findFirst()
                        .orElseThrow()
                        .received())
                .isGreaterThan(30);
        var byGroup = statistics.funnel(LocalDate.of(2018, 8, 31), ClueStatistics.By.GROUP, city);
        assertThat(byGroup).anyMatch(r -> "16".equals(r.key()));
    }

    @Test
    void showsADistrictOfficeOnlyWhatItMaySee() {
        var jiangjin = SignedIn.staff(mvc, tokens, "jiangjin");
        var city = SignedIn.staff(mvc, tokens, "city");
        var day = LocalDate.of(2018, 8, 31);
        var lines = statistics.funnel(day, ClueStatistics.By.CHANNEL, jiangjin);
        long district = lines.get(lines.size() - 1).received();
        long cityJiangjin = statistics.funnel(day, ClueStatistics.By.DISTRICT, city).stream()
                .filter(r -> "500116".equals(r.key()))
                .findFirst()
                .orElseThrow()
                .received();
        assertThat(district).isPositive().isLessThanOrEqualTo(cityJiangjin);
    }

    @Test
    void servesTheFunnelAsPageAndApi() throws Exception {
        mvc.perform(get("/clues/funnel")
                        .param("asOf", "2018-07-30")
                        .param("by", "CATEGORY")
                        .with(authentication(SignedIn.authentication(mvc, tokens, "leader"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/clues/funnel")
                        .param("asOf", "2018-07-30")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[-1:].received").isNotEmpty());
        mvc.perform(get("/api/v1/clues/funnel")
                        .param("asOf", "yesterday")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isBadRequest());
    }
}
