package dudao.deadlines;

import java.time.LocalDate;

/**
 * A deadline to watch.
 *
 * @param subject what it belongs to
 * @param cycle the owner's cycle (a reopened problem starts its ladder again)
 * @param due the deadline in force
 * @param campaignId whose policy applies; null for the default
 * @param regionPath where the subject lies, for scoping who sees the reminders
 * @param unitId the unit that must act (receives reminders and notices)
 * @param title a short description shown in reminders
 * @param href where a reminder leads
 */
public record Watch(
        Subject subject,
        int cycle,
        LocalDate due,
        Long campaignId,
        String regionPath,
        Long unitId,
        String title,
        String href) {}
