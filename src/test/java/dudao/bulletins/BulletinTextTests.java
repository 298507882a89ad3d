package dudao.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.platform.BadInput;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bulletin text: placeholders bound to figures, the official rounding with 余, numbers typed by hand refused. */
class BulletinTextTests {

    static Line line(Map<String, Number> cumulative) {
        return new Line("", "", null, Map.of(), cumulative);
    }

    @Test
    void rendersEveryPlaceholderFromTheFiguresInTheOfficialStyle() {
        var text = BulletinText.render(
                "{date}，共调阅文件资料{documents~}份，走访群众{residentsDistrict~}人，发现问题{problemsFound}个，整改率{rectificationRate}%。",
                line(Map.of(
                        "documents",
                        80_512L,
                        "residentsDistrict",
                        3_861L,
                        "problemsFound",
                        1291L,
                        "rectificationRate",
                        65.7)),
                LocalDate.of(2018, 7, 30));
        assertThat(text).containsExactly("7月30日，共调阅文件资料80500余份，走访群众3800余人，发现问题1291个，整改率65.7%。");
    }

    @Test
    void roundsDownWithYuOnlyWhenThereIsARemainder() {
        assertThat(BulletinText.format(526L, true)).isEqualTo("520余");
        assertThat(BulletinText.format(18_200L, true)).isEqualTo("18200");
        assertThat(BulletinText.format(57L, true)).isEqualTo("57");
        assertThat(BulletinText.format(157L, false)).isEqualTo("157");
        assertThat(BulletinText.format(null, false)).isEqualTo("—");
    }

    @Test
    void refusesANumberTypedByHand() {
        assertThatThrownBy(() -> BulletinText.check("共发现问题1291个。"))
                .isInstanceOf(BadInput.class)
                .hasFieldOrPropertyWithValue("messageKey", "bulletins.text.handNumber");
        assertThatThrownBy(() -> BulletinText.check("共发现问题１２９１个。")).isInstanceOf(BadInput.class);
    }

    @Test
    void refusesAnUnknownFigureAndAStrayBrace() {
        assertThatThrownBy(() -> BulletinText.check("{invented}个")).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> BulletinText.check("共{problemsFound个")).isInstanceOf(BadInput.class);
    }

    @Test
    void acceptsTheDefaultDraftAndChineseNumeralsInWords() {
        assertThat(BulletinText.check(BulletinText.DEFAULT)).isNotBlank();
        assertThat(BulletinText.check("实行“三见一清单”，共发现问题{problemsFound}个。")).isNotBlank();
    }
}
