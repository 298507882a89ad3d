package dudao.fieldwork;

import dudao.campaign.PhaseKind;
import dudao.platform.BadInput;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * What a group submits for a day (the body of {@code PUT /api/v1/groups/{groupId}/fieldwork/{date}}): counts by kind
 * and phase as text, so that an unknown kind is answered with a sentence rather than a parse error; a reason when it
 * corrects figures already submitted; the version it corrects, when the caller has one.
 */
public record DayFigures(
        @Size(max = 50, message = "{validation.tooLong}") List<Entry> counts,
        @Size(max = 500, message = "{validation.tooLong}") String reason,
        Integer version) {

    public record Entry(String kind, String phase, Long amount) {}

    /**
     * The rule for a day's counts: every kind and phase is known, every amount is given and is zero or more (and
     * plausible: at most a million), no kind and phase appears twice. A count without a phase is in the day's phase.
     */
    List<Count> parse(PhaseKind dayPhase) {
        var out = new ArrayList<Count>();
        var seen = new HashSet<String>();
        for (var entry : counts == null ? List.<Entry>of() : counts) {
            if (entry == null || entry.kind() == null || entry.kind().isBlank()) {
                throw new BadInput("counts", "fieldwork.kind.missing");
            }
            FieldworkKind kind;
            try {
                kind = FieldworkKind.valueOf(entry.kind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInput(
                        "counts", "fieldwork.kind.unknown", entry.kind().trim());
            }
            PhaseKind phase = dayPhase;
            if (entry.phase() != null && !entry.phase().isBlank()) {
                try {
                    phase = PhaseKind.valueOf(entry.phase().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new BadInput(
                            "counts", "fieldwork.phase.unknown", entry.phase().trim());
                }
            }
            if (entry.amount() == null) {
                throw new BadInput("counts", "fieldwork.count.missing", kind);
            }
            if (entry.amount() < 0) {
                throw new BadInput("counts", "fieldwork.count.negative", kind);
            }
            if (entry.amount() > 1_000_000) {
                throw new BadInput("counts", "fieldwork.count.tooLarge", kind);
            }
            if (!seen.add(kind + "/" + phase)) {
                throw new BadInput("counts", "fieldwork.count.duplicate", kind);
            }
            out.add(new Count(kind, phase, entry.amount().intValue()));
        }
        return out;
    }
}
