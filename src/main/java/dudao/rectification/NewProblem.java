package dudao.rectification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A problem to record: “见问题、见单位、见责任”. The group defaults to the recorder's own group in the round.
 */
public record NewProblem(
        @NotNull(message = "{validation.required}") Long round,
        Long group,
        @NotBlank(message = "{validation.required}") String region,
        Long focusArea,
        Source source,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String title,

        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}")
        String description,

        @Size(max = 1000, message = "{validation.tooLong}") String responsibility,
        @Size(max = 4000, message = "{validation.tooLong}") String suggestion,
        @Size(max = 4000, message = "{validation.tooLong}") String evidence) {}
