package dudao.clues;

/** The verification methods the article names: 实地查证、重点印证、补充调查、逆向分析、结果印证、比对求证. */
public enum VerifyMethod {
    ON_SITE,
    KEY_CORROBORATION,
    SUPPLEMENTARY_INVESTIGATION,
    REVERSE_ANALYSIS,
    RESULT_CORROBORATION,
    COMPARISON
}
