package dudao.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The form for a new round with its phases. */
public record NewRound(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}")
        String name,

        @NotNull(message = "{validation.required}") LocalDate startsOn,
        @NotNull(message = "{validation.required}") LocalDate endsOn,
        @Valid List<NewPhase> phases) {

    public record NewPhase(
            @NotNull(message = "{validation.required}") PhaseKind kind,

            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}")
            String name,

            @NotNull(message = "{validation.required}") LocalDate startsOn,
            @NotNull(message = "{validation.required}") LocalDate endsOn) {}
}
