package dudao.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new role and place for an account, with the version the administrator saw (optimistic locking). */
public record AccountChange(
        @NotNull(message = "{validation.required}") Role role,

        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}")
        String region,

        Long unit,
        @NotNull(message = "{validation.required}") Integer version) {}
