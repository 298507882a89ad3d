package dudao.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.platform.BadInput;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTests {

    private static LocalDate july(int day) {
        return LocalDate.of(2018, 7, day);
    }

    private static NewRound round(NewRound.NewPhase... phases) {
        return new NewRound("r", july(16), july(30), List.of(phases));
    }

    @Test
    void acceptsThreePhasesFollowingEachOtherInsideTheRound() {
        assertThatCode(() -> Rounds.checkDates(round(
                        new NewRound.NewPhase(PhaseKind.DISTRICT_LEVEL, "a", july(16), july(21)),
                        new NewRound.NewPhase(PhaseKind.TOWNSHIPS, "b", july(22), july(27)),
                        new NewRound.NewPhase(PhaseKind.SUMMARY, "c", july(28), july(30)))))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesARoundEndingBeforeItStarts() {
        assertThatThrownBy(() -> Rounds.checkDates(new NewRound("r", july(30), july(16), List.of())))
                .isInstanceOf(BadInput.class)
                .hasMessage("round.dates.order");
    }

    @Test
    void refusesAPhaseOutsideTheRound() {
        assertThatThrownBy(() -> Rounds.checkDates(
                        round(new NewRound.NewPhase(PhaseKind.DISTRICT_LEVEL, "a", july(15), july(21)))))
                .hasMessage("round.phase.outside");
    }

    @Test
    void refusesOverlappingPhases() {
        assertThatThrownBy(() -> Rounds.checkDates(round(
                        new NewRound.NewPhase(PhaseKind.DISTRICT_LEVEL, "a", july(16), july(22)),
                        new NewRound.NewPhase(PhaseKind.TOWNSHIPS, "b", july(22), july(27)))))
                .hasMessage("round.phase.overlap");
    }

    @Test
    void refusesAPhaseTwice() {
        assertThatThrownBy(() -> Rounds.checkDates(round(
                        new NewRound.NewPhase(PhaseKind.TOWNSHIPS, "a", july(16), july(20)),
                        new NewRound.NewPhase(PhaseKind.TOWNSHIPS, "b", july(22), july(27)))))
                .hasMessage("round.phase.duplicate");
    }

    @Test
    void findsThePhaseOfADay() {
        var round = new Round(
                new RoundId(1),
                new CampaignId(1),
                "r",
                july(16),
                july(30),
                List.of(
                        new Round.Phase(PhaseKind.DISTRICT_LEVEL, "a", july(16), july(21)),
                        new Round.Phase(PhaseKind.TOWNSHIPS, "b", july(22), july(27))));
        assertThat(round.phaseOn(july(23)).orElseThrow().kind()).isEqualTo(PhaseKind.TOWNSHIPS);
        assertThat(round.phaseOn(july(29))).isEmpty();
        assertThat(round.days()).hasSize(15);
    }
}
