package dudao.deadlines;

import dudao.platform.BadInput;

/**
 * When the ladder's rungs come, in days; each campaign may set its own, else the defaults of
 * {@code dudao.deadlines.default-policy} apply.
 *
 * @param yellowDays the warning turns yellow this many days before the deadline
 * @param reminderBeforeDays the first reminder goes out this many days before the deadline
 * @param noticeAfterDays the supervision notice goes out this many days after the deadline
 * @param noticeResponseDays the unit has this many days to answer the notice before accountability
 * @param accountabilityResponseDays the accountability record is to be dealt with within this many days
 */
public record DeadlinePolicy(
        int yellowDays,
        int reminderBeforeDays,
        int noticeAfterDays,
        int noticeResponseDays,
        int accountabilityResponseDays) {

    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(3, 3, 3, 5, 10);

    public DeadlinePolicy {
        if (yellowDays < 0 || yellowDays > 90) {
            throw new BadInput("yellowDays", "deadlines.policy.range");
        }
        if (reminderBeforeDays < 0 || reminderBeforeDays > 90) {
            throw new BadInput("reminderBeforeDays", "deadlines.policy.range");
        }
        if (noticeAfterDays < 1 || noticeAfterDays > 90) {
            throw new BadInput("noticeAfterDays", "deadlines.policy.range");
        }
        if (noticeResponseDays < 1 || noticeResponseDays > 90) {
            throw new BadInput("noticeResponseDays", "deadlines.policy.range");
        }
        if (accountabilityResponseDays < 1 || accountabilityResponseDays > 365) {
            throw new BadInput("accountabilityResponseDays", "deadlines.policy.range");
        }
    }
}
