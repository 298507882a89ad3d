package dudao.survey;

/** One person's answer to one question. */
public enum Reply {
    YES,
    NO,
    UNSURE
}
