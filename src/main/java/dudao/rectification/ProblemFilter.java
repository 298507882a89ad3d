package dudao.rectification;

import dudao.deadlines.Warning;

/** The filters of the problem list; every one is optional. */
public record ProblemFilter(
        Long round,
        Long group,
        String region,
        Long unit,
        Long focusArea,
        ProblemStatus status,
        Warning warning,
        Boolean overdue) {

    public static ProblemFilter none() {
        return new ProblemFilter(null, null, null, null, null, null, null, null);
    }
}
