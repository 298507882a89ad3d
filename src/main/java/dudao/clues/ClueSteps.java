package dudao.clues;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The forms of a clue's steps, the same for the pages and the API. */
final class ClueSteps {

    private ClueSteps() {}

    record Triage(
            @NotNull(message = "{validation.required}") Scope scope,
            @NotNull(message = "{validation.required}") ActivityCategory subCategory) {}

    record Transfer(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String department,

            @NotBlank(message = "{validation.required}") @Size(max = 5000, message = "{validation.tooLong}")
            String letter) {}

    record Assign(
            @NotNull(message = "{validation.required}") @Positive(message = "{validation.range}")
            Long unitId,

            @Min(value = 1, message = "{validation.range}") @Max(value = 365, message = "{validation.range}")
            Integer days) {}

    record Verify(
            @NotEmpty(message = "{validation.required}") Set<VerifyMethod> methods,

            @NotBlank(message = "{validation.required}") @Size(max = 5000, message = "{validation.tooLong}")
            String findings,

            @NotNull(message = "{validation.required}") VerifyResult result) {}

    record Review(
            @NotNull(message = "{validation.required}") Boolean accept,

            @Size(max = 2000, message = "{validation.tooLong}")
            String comment) {}

    record Reply(
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}")
            String message) {}

    record Merge(
            @NotNull(message = "{validation.required}") @Positive(message = "{validation.range}")
            Long into) {}

    record Study(
            @NotNull(message = "{validation.required}") Boolean key,

            @Size(max = 5000, message = "{validation.tooLong}")
            String conclusion) {}

    record Reveal(
            @NotBlank(message = "{validation.required}") @Size(min = 4, max = 500, message = "{validation.reason}")
            String reason) {}
}
