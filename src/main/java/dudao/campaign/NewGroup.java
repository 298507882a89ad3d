package dudao.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The form for a new group of a round: its number, its district and what it publishes while posted there. */
public record NewGroup(
        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{group.number.range}")
        @Max(value = 999, message = "{group.number.range}")
        Integer number,

        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}")
        String region,

        @Size(max = 32, message = "{validation.tooLong}")
        @Pattern(regexp = "[0-9 ()+-]*", message = "{group.hotline.format}")
        String hotline,

        @Size(max = 200, message = "{validation.tooLong}") String mailbox,
        @Size(max = 200, message = "{validation.tooLong}") String officeAddress,
        @NotNull(message = "{validation.required}") LocalDate postedFrom,
        @NotNull(message = "{validation.required}") LocalDate postedUntil) {}
