package dudao.campaign;

import java.util.List;

/** A campaign with what it looks at and how its clues are sorted. */
public record Campaign(
        CampaignId id, String name, CampaignKind kind, List<FocusArea> focusAreas, List<ClueCategory> clueCategories) {

    /** A focus area (六个重点 in the anti-gang campaign) with its checklist items, in order. */
    public record FocusArea(FocusAreaId id, int position, String name, List<ChecklistItem> items) {}

    public record ChecklistItem(ChecklistItemId id, FocusAreaId focusArea, int position, String text) {}

    /** A category of clue with the working days a handling unit has to verify one (the clue's time limit). */
    public record ClueCategory(String code, String name, int timeLimitDays) {}

    public java.util.Optional<ClueCategory> clueCategory(String code) {
        return clueCategories.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
