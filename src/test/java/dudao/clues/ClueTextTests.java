package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.platform.BadInput;
import jakarta.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A clue's texts hold no control characters (PostgreSQL refuses a NUL in text): refused by field, before any write. */
class ClueTextTests {

    static NewClue clue(String description, String reportedName) {
        return new NewClue(
                Channel.WEB,
                "500116",
                null,
                null,
                null,
                null,
                List.of(new NewClue.Person(reportedName, null)),
                new NewClue.Activity(ActivityCategory.OTHER, "不清楚", "不清楚", description),
                List.of());
    }

    @Test
    void validationNamesTheFieldWithAControlCharacter() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            var validator = factory.getValidator();
            assertThat(validator.validate(clue("有人\u0000收钱", "刀疤")))
                    .extracting(v -> v.getPropertyPath().toString())
                    .containsExactly("activity.description");
            assertThat(validator.validate(clue("有人收钱", "刀疤\u001b")))
                    .extracting(v -> v.getPropertyPath().toString())
                    .containsExactly("reported[0].name");
            assertThat(validator.validate(clue("第一行\r\n第二行\t缩进", "刀疤"))).isEmpty();
        }
    }

    @Test
    void intakeRefusesAControlCharacterEvenWhenTheCallerDidNotValidate() {
        assertThatThrownBy(() -> ClueIntake.requirePlainText(clue("有人\u0000收钱", "刀疤")))
                .isInstanceOfSatisfying(BadInput.class, refused -> {
                    assertThat(refused.field()).isEqualTo("activity.description");
                    assertThat(refused.messageKey()).isEqualTo("validation.controlCharacters");
                });
        assertThatThrownBy(() -> ClueIntake.requirePlainText(clue("有人收钱", "刀疤\u007f")))
                .isInstanceOfSatisfying(
                        BadInput.class, refused -> assertThat(refused.field()).isEqualTo("reported[0].name"));
        ClueIntake.requirePlainText(clue("第一行\r\n第二行\t缩进", "刀疤"));
    }
}
