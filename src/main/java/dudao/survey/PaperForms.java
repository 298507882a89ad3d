package dudao.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A stack of paper questionnaires a group collected in one district on one day: how many forms, and for each question
 * how many answered yes, no or unsure (the three add up to at most the number of forms: a form may leave a question
 * blank).
 */
public record PaperForms(
        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}")
        String region,

        @NotNull(message = "{validation.required}") LocalDate day,

        @Min(value = 1, message = "{validation.range}") @Max(value = 100000, message = "{validation.range}")
        int forms,

        @NotEmpty(message = "{validation.required}") @Size(max = 50, message = "{validation.tooLong}")
        List<@Valid Tally> tallies) {}
