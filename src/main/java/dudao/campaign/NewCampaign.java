package dudao.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The form for a new campaign. */
public record NewCampaign(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}")
        String name,

        @NotNull(message = "{validation.required}") CampaignKind kind) {}
