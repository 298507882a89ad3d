package dudao.rectification;

import dudao.deadlines.Warning;
import java.time.LocalDate;

/** One line of the problem list. */
public record ProblemRow(
        long id,
        String title,
        int groupNumber,
        String regionName,
        String focusAreaName,
        String leadUnitName,
        ProblemStatus status,
        int cycle,
        LocalDate deadline,
        Warning warning,
        boolean overdue,
        long version) {}
