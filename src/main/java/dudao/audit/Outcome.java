package dudao.audit;

/** How the audited action ended. */
public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
}
