package dudao.clues;

/** The outcome of a verification; {@link #CASE_OPENED} means a criminal case was opened on it. */
public enum VerifyResult {
    TRUE,
    PARTLY_TRUE,
    UNTRUE,
    CANNOT_VERIFY,
    CASE_OPENED
}
