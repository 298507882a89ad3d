package dudao.clues;

/** The triage verdict for a clue inside the campaign: gang-related (涉黑) or evil-force (涉恶). */
public enum Scope {
    GANG,
    EVIL
}
