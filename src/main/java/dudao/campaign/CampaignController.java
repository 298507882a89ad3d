package dudao.campaign;

import dudao.directory.AccountFilter;
import dudao.directory.Region;
import dudao.directory.RegionCode;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
import dudao.directory.StaffId;
import dudao.platform.Paged;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Campaign set-up for the city office, and the campaign, round and group pages everyone reads within their jurisdiction. */
@Controller
class CampaignController {

    private final Campaigns campaigns;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Checklists checklists;
    private final Regions regions;
    private final StaffAccounts accounts;

    CampaignController(
            Campaigns campaigns,
            Rounds rounds,
            InspectionGroups groups,
            Checklists checklists,
            Regions regions,
            StaffAccounts accounts) {
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.groups = groups;
        this.checklists = checklists;
        this.regions = regions;
        this.accounts = accounts;
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        var all = campaigns.all();
        model.addAttribute("campaigns", all);
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("kinds", CampaignKind.values());
        return "campaign/list";
    }

    @PostMapping("/campaigns")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String create(@RequestParam String name, @RequestParam CampaignKind kind, @AuthenticationPrincipal Staff me) {
        var id = campaigns.create(new NewCampaign(name, kind), me);
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable long id, @AuthenticationPrincipal Staff me, Model model) {
        var campaign = campaigns.require(new CampaignId(id));
        model.addAttribute("campaign", campaign);
        model.addAttribute("rounds", rounds.ofCampaign(campaign.id()));
        model.addAttribute("keyPlaces", campaigns.keyPlaces(campaign.id(), me.jurisdiction()));
        var districts = new LinkedHashMap<RegionCode, String>();
        regions.districts(me.jurisdiction()).forEach(d -> districts.put(d.code(), d.name()));
        model.addAttribute("districtNames", districts);
        model.addAttribute("phases", PhaseKind.values());
        if (me.is(Role.CITY_OFFICE)) {
            // The townships and villages a key place can be, under their district's name.
            var places = new LinkedHashMap<String, List<Region>>();
            for (var region : regions.within(me.jurisdiction(), null)) {
                if (region.level() == RegionLevel.TOWNSHIP || region.level() == RegionLevel.VILLAGE) {
                    places.computeIfAbsent(districts.get(region.district()), d -> new ArrayList<>())
                            .add(region);
                }
            }
            model.addAttribute("keyPlaceRegions", places);
            model.addAttribute("keyPlaceKinds", KeyPlaceKind.values());
        }
        return "campaign/campaign";
    }

    @PostMapping("/campaigns/{id}/focus-areas")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String addFocusArea(@PathVariable long id, @RequestParam String name, @AuthenticationPrincipal Staff me) {
        campaigns.addFocusArea(new CampaignId(id), name, me);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/checklist-items")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String addItem(
            @PathVariable long id,
            @RequestParam long focusArea,
            @RequestParam String text,
            @AuthenticationPrincipal Staff me) {
        var campaign = campaigns.require(new CampaignId(id));
        var area = campaign.focusAreas().stream()
                .filter(a -> a.id().value() == focusArea)
                .findFirst()
                .orElseThrow(() -> new dudao.platform.NotFound("campaign.focusArea.notFound"));
        campaigns.addChecklistItem(area.id(), text, me);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/clue-categories")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String clueCategory(
            @PathVariable long id,
            @RequestParam String code,
            @RequestParam String name,
            @RequestParam int timeLimitDays,
            @AuthenticationPrincipal Staff me) {
        campaigns.setClueCategory(new CampaignId(id), code, name, timeLimitDays, me);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/key-places")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String listKeyPlace(
            @PathVariable long id,
            @RequestParam String region,
            @RequestParam KeyPlaceKind kind,
            @AuthenticationPrincipal Staff me) {
        campaigns.listKeyPlace(new CampaignId(id), new RegionCode(region.trim()), kind, me);
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/rounds")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String createRound(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> phaseStarts,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> phaseEnds,
            @RequestParam(required = false) List<String> phaseNames,
            @AuthenticationPrincipal Staff me) {
        var phases = new ArrayList<NewRound.NewPhase>();
        var kinds = PhaseKind.values();
        for (int i = 0; phaseStarts != null && phaseEnds != null && i < kinds.length; i++) {
            if (i < phaseStarts.size()
                    && i < phaseEnds.size()
                    && phaseStarts.get(i) != null
                    && phaseEnds.get(i) != null) {
                var label = phaseNames != null
                                && i < phaseNames.size()
                                && !phaseNames.get(i).isBlank()
                        ? phaseNames.get(i)
                        : kinds[i].name();
                phases.add(new NewRound.NewPhase(kinds[i], label, phaseStarts.get(i), phaseEnds.get(i)));
            }
        }
        var round = rounds.create(new CampaignId(id), new NewRound(name, startsOn, endsOn, phases), me);
        return "redirect:/rounds/" + round;
    }

    @GetMapping("/rounds/{id}")
    String round(@PathVariable long id, @AuthenticationPrincipal Staff me, Model model) {
        var round = rounds.require(new RoundId(id));
        model.addAttribute("round", round);
        model.addAttribute("campaign", campaigns.require(round.campaign()));
        model.addAttribute("groups", groups.ofRound(round.id(), me.jurisdiction()));
        if (me.is(Role.CITY_OFFICE)) {
            model.addAttribute("districts", regions.within(me.jurisdiction(), RegionLevel.DISTRICT));
        }
        return "campaign/round";
    }

    @PostMapping("/rounds/{id}/groups")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String createGroup(
            @PathVariable long id,
            @RequestParam Integer number,
            @RequestParam String region,
            @RequestParam(required = false) String hotline,
            @RequestParam(required = false) String mailbox,
            @RequestParam(required = false) String officeAddress,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedFrom,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedUntil,
            @AuthenticationPrincipal Staff me) {
        var group = groups.create(
                new RoundId(id),
                new NewGroup(number, region, hotline, mailbox, officeAddress, postedFrom, postedUntil),
                me);
        return "redirect:/groups/" + group;
    }

    @GetMapping("/groups/{id}")
    String group(@PathVariable long id, @AuthenticationPrincipal Staff me, Model model) {
        var group = groups.require(new GroupId(id), me.jurisdiction());
        model.addAttribute("group", group);
        model.addAttribute("round", rounds.require(group.round()));
        model.addAttribute("checklist", checklists.of(group.id(), me.jurisdiction()));
        model.addAttribute("member", group.hasMember(me.id()));
        // A failed item is raised as a problem by the group's own members or the city office (who record problems).
        model.addAttribute("mayRaiseProblem", group.hasMember(me.id()) || me.is(Role.CITY_OFFICE));
        model.addAttribute("results", AssessmentResult.values());
        if (me.is(Role.CITY_OFFICE)) {
            var candidates = new ArrayList<dudao.directory.Account>();
            for (var role : List.of(Role.GROUP_LEADER, Role.GROUP_MEMBER)) {
                candidates.addAll(accounts.find(
                                new AccountFilter(null, role, null, true), me.jurisdiction(), new Paged.Request(0, 500))
                        .items());
            }
            model.addAttribute("candidates", candidates);
            model.addAttribute("memberRoles", InspectionGroup.MemberRole.values());
        }
        return "campaign/group";
    }

    @PostMapping("/groups/{id}")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String updateGroup(
            @PathVariable long id,
            @RequestParam(required = false) String hotline,
            @RequestParam(required = false) String mailbox,
            @RequestParam(required = false) String officeAddress,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedFrom,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedUntil,
            @RequestParam int version,
            @AuthenticationPrincipal Staff me) {
        var group = groups.require(new GroupId(id), me.jurisdiction());
        groups.update(
                group.id(),
                new NewGroup(
                        group.number(),
                        group.region().value(),
                        hotline,
                        mailbox,
                        officeAddress,
                        postedFrom,
                        postedUntil),
                version,
                me);
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/members")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String addMember(
            @PathVariable long id,
            @RequestParam long staff,
            @RequestParam InspectionGroup.MemberRole role,
            @AuthenticationPrincipal Staff me) {
        groups.addMember(new GroupId(id), new StaffId(staff), role, me);
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/checklist/{itemId}")
    String assess(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam AssessmentResult result,
            @RequestParam(required = false) String notes,
            @RequestParam(required = false) String evidence,
            @AuthenticationPrincipal Staff me) {
        checklists.assess(new GroupId(id), new ChecklistItemId(itemId), result, notes, evidence, me);
        return "redirect:/groups/" + id + "#item-" + itemId;
    }
}
