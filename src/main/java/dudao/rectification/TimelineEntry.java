package dudao.rectification;

import dudao.directory.StaffId;
import dudao.directory.UnitId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a problem's timeline: what happened, in which cycle, who did it for which unit, when, the status it
 * left, the deadline in force after it (and before it, where it moved), and the words given (reason, measures…).
 */
public record TimelineEntry(
        Step step,
        int cycle,
        StaffId by,
        String byName,
        UnitId unit,
        Instant at,
        ProblemStatus status,
        LocalDate deadline,
        LocalDate previousDeadline,
        String text) {}
