package dudao.fieldwork;

/** 明察 (open, announced) or 暗访 (covert, unannounced). */
public enum VisitMode {
    OPEN,
    COVERT
}
