package dudao.campaign;

/**
 * The phases of a round, in order: checks at district level (区县层面检查指导), then sunk to the townships (下沉镇街检查指导),
 * then the summary feedback (汇总反馈). Fieldwork figures are kept per phase so that district-level and township-level
 * figures stay apart, as the bulletins report them.
 */
public enum PhaseKind {
    DISTRICT_LEVEL,
    TOWNSHIPS,
    SUMMARY
}
