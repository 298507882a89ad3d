package dudao.campaign;

import dudao.directory.Staff;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns, rounds, groups, checklists and findings as JSON, scoped to the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1")
class CampaignApiController {

    private final Campaigns campaigns;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Checklists checklists;

    CampaignApiController(Campaigns campaigns, Rounds rounds, InspectionGroups groups, Checklists checklists) {
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.groups = groups;
        this.checklists = checklists;
    }

    /** A campaign with its rounds. */
    record CampaignView(Campaign campaign, List<Round> rounds) {}

    record AssessmentForm(
            @NotNull(message = "{validation.required}") AssessmentResult result,

            @Size(max = 2000, message = "{validation.tooLong}")
            String notes,

            @Size(max = 2000, message = "{validation.tooLong}")
            String evidence) {}

    @GetMapping("/campaigns")
    List<CampaignView> campaigns() {
        return campaigns.all().stream()
                .map(c -> new CampaignView(c, rounds.ofCampaign(c.id())))
                .toList();
    }

    @GetMapping("/rounds/{id}")
    Round round(@PathVariable long id) {
        return rounds.require(new RoundId(id));
    }

    @GetMapping("/rounds/{id}/groups")
    List<InspectionGroup> groups(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return groups.ofRound(rounds.require(new RoundId(id)).id(), me.jurisdiction());
    }

    @GetMapping("/rounds/{id}/findings")
    List<Finding> findings(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return checklists.findings(rounds.require(new RoundId(id)).id(), me.jurisdiction());
    }

    @GetMapping("/groups/{id}")
    InspectionGroup group(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return groups.require(new GroupId(id), me.jurisdiction());
    }

    @GetMapping("/groups/{id}/checklist")
    List<Checklists.Row> checklist(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return checklists.of(new GroupId(id), me.jurisdiction());
    }

    @PutMapping("/groups/{id}/checklist/{itemId}")
    Map<String, Object> assess(
            @PathVariable long id,
            @PathVariable long itemId,
            @jakarta.validation.Valid @RequestBody AssessmentForm form,
            @AuthenticationPrincipal Staff me) {
        var finding = checklists.assess(
                new GroupId(id), new ChecklistItemId(itemId), form.result(), form.notes(), form.evidence(), me);
        return finding.<Map<String, Object>>map(f -> Map.of("result", form.result(), "finding", f.value()))
                .orElseGet(() -> Map.of("result", form.result()));
    }
}
