package dudao.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.campaign.GroupId;
import dudao.campaign.InspectionGroup;
import dudao.campaign.PhaseKind;
import dudao.campaign.RoundId;
import dudao.directory.RegionCode;
import dudao.platform.BadInput;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayFiguresTests {

    private static DayFigures figures(DayFigures.Entry... entries) {
        return new DayFigures(List.of(entries), null, null);
    }

    @Test
    void countsWithoutAPhaseFallInTheDaysPhase() {
        var counts = figures(new DayFigures.Entry("documents", null, 12L)).parse(PhaseKind.TOWNSHIPS);
        assertThat(counts).containsExactly(new Count(FieldworkKind.DOCUMENTS, PhaseKind.TOWNSHIPS, 12));
    }

    @Test
    void refusesAnUnknownKind() {
        assertThatThrownBy(() ->
                        figures(new DayFigures.Entry("BANQUETS", null, 1L)).parse(PhaseKind.DISTRICT_LEVEL))
                .isInstanceOf(BadInput.class)
                .hasMessage("fieldwork.kind.unknown");
    }

    @Test
    void refusesAnUnknownPhase() {
        assertThatThrownBy(() ->
                        figures(new DayFigures.Entry("TALKS", "HOLIDAY", 1L)).parse(PhaseKind.DISTRICT_LEVEL))
                .hasMessage("fieldwork.phase.unknown");
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(
                        () -> figures(new DayFigures.Entry("TALKS", null, -1L)).parse(PhaseKind.DISTRICT_LEVEL))
                .hasMessage("fieldwork.count.negative");
    }

    @Test
    void refusesAKindCountedTwiceInAPhase() {
        assertThatThrownBy(() -> figures(
                                new DayFigures.Entry("TALKS", "TOWNSHIPS", 1L),
                                new DayFigures.Entry("TALKS", "TOWNSHIPS", 2L))
                        .parse(PhaseKind.DISTRICT_LEVEL))
                .hasMessage("fieldwork.count.duplicate");
    }

    @Test
    void acceptsADayOfThePostingOnly() {
        var group = new InspectionGroup(
                new GroupId(1),
                new RoundId(1),
                16,
                new RegionCode("500116"),
                "江津区",
                "/500000/500116/",
                null,
                null,
                null,
                LocalDate.of(2018, 7, 17),
                LocalDate.of(2018, 7, 30),
                0,
                List.of());
        var today = LocalDate.of(2018, 8, 9);
        FieldworkLog.checkDay(group, LocalDate.of(2018, 7, 17), today);
        assertThatThrownBy(() -> FieldworkLog.checkDay(group, LocalDate.of(2018, 7, 16), today))
                .hasMessage("fieldwork.date.outsidePosting");
        assertThatThrownBy(() -> FieldworkLog.checkDay(group, LocalDate.of(2018, 7, 30), LocalDate.of(2018, 7, 29)))
                .hasMessage("fieldwork.date.future");
    }

    @Test
    void everyCountAddsToExactlyOneBulletinColumn() {
        for (var kind : FieldworkKind.values()) {
            for (var phase : PhaseKind.values()) {
                assertThat(java.util.Arrays.stream(BulletinColumn.values()).filter(c -> c.takes(kind, phase)))
                        .hasSize(1);
            }
        }
    }
}
