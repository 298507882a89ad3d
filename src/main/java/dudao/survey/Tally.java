package dudao.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The counted answers of a stack of paper forms to one question. */
public record Tally(
        @NotNull(message = "{validation.required}") Long question,

        @Min(value = 0, message = "{validation.range}") @Max(value = 100000, message = "{validation.range}")
        int yes,

        @Min(value = 0, message = "{validation.range}") @Max(value = 100000, message = "{validation.range}")
        int no,

        @Min(value = 0, message = "{validation.range}") @Max(value = 100000, message = "{validation.range}")
        int unsure) {

    int total() {
        return yes + no + unsure;
    }
}
