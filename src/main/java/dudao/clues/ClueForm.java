package dudao.clues;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The intake page's form: the four blocks flattened; persons one per line ("name description"). */
record ClueForm(
        @NotNull(message = "{validation.required}") Channel channel,

        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}")
        String region,

        @Positive(message = "{validation.range}") Integer groupNumber,

        @Size(max = 50, message = "{validation.tooLong}") String reporterName,

        @Size(max = 30, message = "{validation.tooLong}") String reporterPhone,

        @Size(max = 30, message = "{validation.tooLong}") String reporterIdNumber,

        @Size(max = 200, message = "{validation.tooLong}") String reporterAddress,

        @Size(max = 2000, message = "{validation.tooLong}") String reported,

        @NotNull(message = "{validation.required}") ActivityCategory category,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String place,

        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}")
        String activityTime,

        @NotBlank(message = "{validation.required}") @Size(max = 5000, message = "{validation.tooLong}")
        String description,

        @Size(max = 2000, message = "{validation.tooLong}") String officials) {

    static ClueForm empty(String region) {
        return new ClueForm(Channel.HOTLINE, region, null, null, null, null, null, null, null, null, null, null, null);
    }

    NewClue toNewClue() {
        return new NewClue(
                channel,
                region,
                groupNumber,
                null,
                null,
                new NewClue.Reporter(reporterName, reporterPhone, reporterIdNumber, reporterAddress),
                persons(reported),
                new NewClue.Activity(category, place, activityTime, description),
                persons(officials));
    }

    static List<NewClue.Person> persons(String lines) {
        var out = new ArrayList<NewClue.Person>();
        if (lines == null) {
            return out;
        }
        for (var line : lines.split("\\R")) {
            var trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            var parts = trimmed.split("[\\s,，、]+", 2);
            out.add(new NewClue.Person(parts[0], parts.length > 1 ? parts[1] : ""));
        }
        return out;
    }
}
