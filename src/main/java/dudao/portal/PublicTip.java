package dudao.portal;

import dudao.clues.NewClue;
import dudao.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tip from the public, in the four blocks of the national 12337 form. The reporter block is optional (anonymous by
 * default); “不清楚” is a valid answer everywhere.
 * {@code circumstances} (optional) are the answers to the form's choice questions: how many people, violence or
 * threats, weapons.
 *
 * @param region the district the tip is about
 * @param group the number of the group whose poster or page the reporter came from, if any
 */
public record PublicTip(
        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}") @PlainText
        String region,

        @Positive(message = "{validation.range}") Integer group,
        @Valid NewClue.Reporter reporter,

        @Valid @Size(max = 20, message = "{validation.tooLong}")
        List<NewClue.Person> reported,

        @Valid @NotNull(message = "{validation.required}") NewClue.Activity activity,

        @Valid @Size(max = 20, message = "{validation.tooLong}")
        List<NewClue.Person> officials,

        NewClue.Circumstances circumstances) {}
