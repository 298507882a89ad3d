package dudao.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The form and API body for creating an account; the unit is required for unit handlers. */
public record NewAccount(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "{account.username.format}")
        String username,

        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.tooLong}")
        String displayName,

        @NotNull(message = "{validation.required}") Role role,

        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}")
        String region,

        Long unit) {}
