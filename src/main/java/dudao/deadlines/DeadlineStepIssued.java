package dudao.deadlines;

/** Published inside the transaction that issued a rung, so the owner can record it in its own history. */
public record DeadlineStepIssued(IssuedStep step) {}
