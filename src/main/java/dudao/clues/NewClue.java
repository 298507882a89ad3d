package dudao.clues;

import dudao.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A clue as it comes in, in the four blocks of the national 12337 form: the reporter (null or blank for an anonymous
 * tip), the reported persons or organisations, the activity, and the protective officials named. “不清楚” is a valid
 * answer to every text.
 *
 * @param region the district (or a place inside it) the clue is about
 * @param receivedAt when the call, letter or visit came in (staff enter the real time; none means now)
 */
public record NewClue(
        @NotNull(message = "{validation.required}") Channel channel,

        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}") @PlainText
        String region,

        @Positive(message = "{validation.range}") Integer groupNumber,

        @Positive(message = "{validation.range}") Long roundId,

        OffsetDateTime receivedAt,

        @Valid Reporter reporter,

        @Valid @Size(max = 20, message = "{validation.tooMany}")
        List<Person> reported,

        @Valid @NotNull(message = "{validation.required}") Activity activity,

        @Valid @Size(max = 20, message = "{validation.tooMany}")
        List<Person> officials,

        Circumstances circumstances) {

    public NewClue {
        reported = reported == null ? List.of() : List.copyOf(reported);
        officials = officials == null ? List.of() : List.copyOf(officials);
        circumstances = circumstances == null || circumstances.isEmpty() ? null : circumstances;
    }

    /** A clue without the choice questions (staff intake, imports): they are the web form's. */
    public NewClue(
            Channel channel,
            String region,
            Integer groupNumber,
            Long roundId,
            OffsetDateTime receivedAt,
            Reporter reporter,
            List<Person> reported,
            Activity activity,
            List<Person> officials) {
        this(channel, region, groupNumber, roundId, receivedAt, reporter, reported, activity, officials, null);
    }

    /** How many people are involved, as the 12337 form asks it. */
    public enum PeopleInvolved {
        ONE,
        TWO_TO_FIVE,
        SIX_TO_TEN,
        MORE_THAN_TEN,
        UNKNOWN
    }

    /** Yes, no or the reporter's 不清楚. */
    public enum Answer {
        YES,
        NO,
        UNKNOWN
    }

    /**
     * The reporter's answers to the form's choice questions, each optional: how many people are involved, whether
     * violence or threats were used, whether weapons were seen.
     */
    public record Circumstances(PeopleInvolved people, Answer violence, Answer weapons) {

        public boolean isEmpty() {
            return people == null && violence == null && weapons == null;
        }
    }

    /** Who reported it; every field optional. */
    public record Reporter(
            @Size(max = 50, message = "{validation.tooLong}") @PlainText
            String name,

            @Size(max = 30, message = "{validation.tooLong}") @PlainText
            String phone,

            @Size(max = 30, message = "{validation.tooLong}") @PlainText
            String idNumber,

            @Size(max = 200, message = "{validation.tooLong}") @PlainText
            String address) {

        /** Never the identity: Spring logs request bodies this way at DEBUG. */
        @Override
        public String toString() {
            return "Reporter[***]";
        }

        boolean isEmpty() {
            return blank(name) && blank(phone) && blank(idNumber) && blank(address);
        }

        boolean reachable() {
            return !blank(phone) || !blank(address);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** A reported person or organisation, or an official named as protecting them. */
    public record Person(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") @PlainText
            String name,

            @Size(max = 500, message = "{validation.tooLong}") @PlainText
            String detail) {}

    /** What happened: category, place, time and description. */
    public record Activity(
            @NotNull(message = "{validation.required}") ActivityCategory category,

            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") @PlainText
            String place,

            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") @PlainText
            String time,

            @NotBlank(message = "{validation.required}") @Size(max = 5000, message = "{validation.tooLong}") @PlainText
            String description) {}
}
