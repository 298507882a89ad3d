package dudao.fieldwork;

import dudao.campaign.PhaseKind;

/** One figure of a day: how many of a kind, in a phase. */
public record Count(FieldworkKind kind, PhaseKind phase, int amount) {}
