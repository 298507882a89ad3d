package dudao.fieldwork;

import dudao.campaign.PhaseKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * The figures of the daily bulletin, as the seed article reports them: totals over the whole round, except residents
 * visited, which are reported apart for the district-level work and for the work sunk to the townships.
 */
public enum BulletinColumn {
    DOCUMENTS(FieldworkKind.DOCUMENTS, EnumSet.allOf(PhaseKind.class)),
    RESIDENTS_DISTRICT(FieldworkKind.RESIDENTS, EnumSet.of(PhaseKind.DISTRICT_LEVEL, PhaseKind.SUMMARY)),
    QUESTIONNAIRES(FieldworkKind.QUESTIONNAIRES, EnumSet.allOf(PhaseKind.class)),
    UNITS(FieldworkKind.UNITS, EnumSet.allOf(PhaseKind.class)),
    TALKS(FieldworkKind.TALKS, EnumSet.allOf(PhaseKind.class)),
    RESIDENTS_TOWNSHIPS(FieldworkKind.RESIDENTS, EnumSet.of(PhaseKind.TOWNSHIPS)),
    TOWNSHIPS(FieldworkKind.TOWNSHIPS, EnumSet.allOf(PhaseKind.class)),
    KEY_AREAS(FieldworkKind.KEY_AREAS, EnumSet.allOf(PhaseKind.class));

    private final FieldworkKind kind;
    private final Set<PhaseKind> phases;

    BulletinColumn(FieldworkKind kind, Set<PhaseKind> phases) {
        this.kind = kind;
        this.phases = phases;
    }

    /** Whether a count of this kind and phase adds to the column; every count adds to exactly one column. */
    public boolean takes(FieldworkKind kind, PhaseKind phase) {
        return this.kind == kind && phases.contains(phase);
    }

    public static BulletinColumn of(FieldworkKind kind, PhaseKind phase) {
        for (var column : values()) {
            if (column.takes(kind, phase)) {
                return column;
            }
        }
        throw new IllegalArgumentException(kind + "/" + phase);
    }

    public String messageKey() {
        return "bulletin.column." + name();
    }
}
