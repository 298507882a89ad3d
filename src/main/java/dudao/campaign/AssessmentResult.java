package dudao.campaign;

/** How a district stands on one checklist item: meets it, partly, or fails it (a failure is a finding). */
public enum AssessmentResult {
    MEETS,
    PARTLY,
    FAILS
}
