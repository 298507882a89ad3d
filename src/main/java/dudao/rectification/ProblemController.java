package dudao.rectification;

import dudao.campaign.Campaigns;
import dudao.campaign.InspectionGroups;
import dudao.campaign.Round;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.deadlines.Deadlines;
import dudao.deadlines.Warning;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.Units;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Paged;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The problem list's pages: the list, a unit's own problems, recording, a problem with its timeline and forms. */
@Controller
@RequestMapping("/problems")
class ProblemController {

    private final ProblemList problems;
    private final RectificationStatistics statistics;
    private final Rounds rounds;
    private final InspectionGroups groups;
    private final Campaigns campaigns;
    private final Regions regions;
    private final Units units;
    private final Deadlines deadlines;
    private final ProblemLedger ledger;
    private final OfficialDocuments documents;
    private final dudao.campaign.Checklists checklists;
    private final MessageSource messages;

    ProblemController(
            ProblemList problems,
            RectificationStatistics statistics,
            Rounds rounds,
            InspectionGroups groups,
            Campaigns campaigns,
            Regions regions,
            Units units,
            Deadlines deadlines,
            ProblemLedger ledger,
            OfficialDocuments documents,
            dudao.campaign.Checklists checklists,
            MessageSource messages) {
        this.checklists = checklists;
        this.messages = messages;
        this.ledger = ledger;
        this.documents = documents;
        this.problems = problems;
        this.statistics = statistics;
        this.rounds = rounds;
        this.groups = groups;
        this.campaigns = campaigns;
        this.regions = regions;
        this.units = units;
        this.deadlines = deadlines;
    }

    @GetMapping
    String list(
            @ModelAttribute("filter") ProblemFilter filter,
            @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal Staff me,
            Model model) {
        model.addAttribute("page", problems.find(filter, me, Paged.Request.of(page, 50)));
        model.addAttribute("mine", false);
        return listPage(filter, me, model);
    }

    @GetMapping("/mine")
    @PreAuthorize("hasRole('UNIT_HANDLER')")
    String mine(
            @ModelAttribute("filter") ProblemFilter filter,
            @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal Staff me,
            Model model) {
        model.addAttribute("page", problems.find(filter, me, Paged.Request.of(page, 50)));
        model.addAttribute("mine", true);
        return listPage(filter, me, model);
    }

    private String listPage(ProblemFilter filter, Staff me, Model model) {
        // The pager keeps the filters: its base link carries them.
        var query = org.springframework.web.util.UriComponentsBuilder.fromPath(
                        Boolean.TRUE.equals(model.getAttribute("mine")) ? "/problems/mine" : "/problems")
                .queryParamIfPresent("round", java.util.Optional.ofNullable(filter.round()))
                .queryParamIfPresent("group", java.util.Optional.ofNullable(filter.group()))
                .queryParamIfPresent(
                        "region", java.util.Optional.ofNullable(filter.region()).filter(r -> !r.isBlank()))
                .queryParamIfPresent("unit", java.util.Optional.ofNullable(filter.unit()))
                .queryParamIfPresent("focusArea", java.util.Optional.ofNullable(filter.focusArea()))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(filter.status()))
                .queryParamIfPresent("warning", java.util.Optional.ofNullable(filter.warning()))
                .queryParamIfPresent("overdue", java.util.Optional.ofNullable(filter.overdue()))
                .build()
                .toUriString();
        model.addAttribute("pagerBase", query);
        var round = currentRound(filter.round());
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("groups", round == null ? List.of() : groups.ofRound(round.id(), me.jurisdiction()));
        model.addAttribute(
                "focusAreas",
                round == null ? List.of() : campaigns.require(round.campaign()).focusAreas());
        model.addAttribute("districts", regions.districts(me.jurisdiction()));
        model.addAttribute(
                "units", me.role() == Role.UNIT_HANDLER ? List.of() : units.within(me.jurisdiction(), null, null));
        model.addAttribute("statuses", ProblemStatus.values());
        model.addAttribute("warnings", Warning.values());
        model.addAttribute("mayRecord", Transition.RECORDERS.contains(me.role()));
        return "rectification/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    String form(
            @RequestParam(required = false) Long finding,
            @RequestParam(required = false) Long clue,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var round = currentRound(null);
        if (clue != null) {
            // A clue verified true raises a problem pre-filled with its region and what it reported.
            var c = problems.provenClue(clue, me);
            var summary = c.row().serial() + "：" + c.row().summary();
            model.addAttribute("clue", clue);
            model.addAttribute(
                    "problem",
                    new NewProblem(
                            round == null ? null : round.id().value(),
                            null,
                            c.row().regionCode(),
                            null,
                            Source.CLUE,
                            summary.length() > 200 ? summary.substring(0, 200) : summary,
                            c.description(),
                            null,
                            null,
                            c.findings()));
            return formPage(me, null, model);
        }
        if (finding != null) {
            // A failed checklist item raises a problem pre-filled with its district, focus area and text.
            var f = checklists.finding(new dudao.campaign.FindingId(finding), me.jurisdiction());
            model.addAttribute(
                    "problem",
                    new NewProblem(
                            f.round().value(),
                            f.group().value(),
                            f.district().value(),
                            f.focusArea().value(),
                            Source.CHECKLIST,
                            f.itemText().length() > 200 ? f.itemText().substring(0, 200) : f.itemText(),
                            f.notes() == null || f.notes().isBlank() ? f.itemText() : f.notes(),
                            null,
                            null,
                            f.evidence()));
            return formPage(me, f.round().value(), model);
        }
        model.addAttribute(
                "problem",
                new NewProblem(
                        round == null ? null : round.id().value(),
                        null,
                        null,
                        null,
                        Source.FIELDWORK,
                        null,
                        null,
                        null,
                        null,
                        null));
        return formPage(me, null, model);
    }

    /** The form, with the groups and focus areas of the round the problem is for (else of the latest round). */
    private String formPage(Staff me, Long roundId, Model model) {
        var round = roundId == null
                ? currentRound(null)
                : rounds.find(new RoundId(roundId)).orElseGet(() -> currentRound(null));
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("groups", round == null ? List.of() : groups.ofRound(round.id(), me.jurisdiction()));
        model.addAttribute(
                "focusAreas",
                round == null ? List.of() : campaigns.require(round.campaign()).focusAreas());
        model.addAttribute(
                "regions",
                regions.within(me.jurisdiction(), null).stream()
                        .filter(r -> r.level() != dudao.directory.RegionLevel.CITY)
                        .toList());
        model.addAttribute("sources", Source.values());
        return "rectification/form";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    String record(
            @Valid @ModelAttribute("problem") NewProblem problem,
            BindingResult errors,
            @RequestParam(required = false) Long clue,
            @AuthenticationPrincipal Staff me,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("clue", clue);
        if (!errors.hasErrors()) {
            try {
                var id = clue == null ? problems.record(problem, me) : problems.recordFromClue(problem, clue, me);
                return "redirect:/problems/" + id;
            } catch (BadInput bad) {
                // A rule the form cannot express (a region outside the group's district…): shown at its field.
                if (bad.field() != null && RECORD_FIELDS.contains(bad.field())) {
                    errors.rejectValue(bad.field(), bad.messageKey(), bad.arguments(), bad.messageKey());
                } else {
                    errors.reject(bad.messageKey(), bad.arguments(), bad.messageKey());
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return formPage(me, problem.round(), model);
    }

    /** The fields of the new-problem form that can show their own error. */
    private static final java.util.Set<String> RECORD_FIELDS =
            java.util.Set.of("round", "group", "region", "focusArea", "source", "title", "description");

    /**
     * A transition form refused for its input: which form, the field it concerns (as the form names it), the message
     * in the reader's language, and whether the form has that field (else the message heads the form).
     */
    record FormError(String transition, String field, String message, boolean atField) {}

    /** The fields each transition form shows, where an error about them appears. */
    private static final java.util.Map<Transition, java.util.Set<String>> FORM_FIELDS = java.util.Map.of(
            Transition.ASSIGN, java.util.Set.of("leadUnit", "assistingUnits", "deadline"),
            Transition.FEEDBACK, java.util.Set.of("measures", "files"),
            Transition.ACCEPT, java.util.Set.of("note"),
            Transition.REJECT, java.util.Set.of("reason"),
            Transition.EXTEND, java.util.Set.of("newDeadline", "reason"),
            Transition.DECLINE_EXTENSION, java.util.Set.of("reason"),
            Transition.REOPEN, java.util.Set.of("reason", "deadline"),
            Transition.PASS_LOOK_BACK, java.util.Set.of("note"));

    private String refusedForm(
            long id, Transition t, String field, String message, Staff me, Model model, HttpServletResponse response) {
        // The extension form names its date newDeadline; the aggregate's date rule speaks of the deadline.
        var shown = t == Transition.EXTEND && "deadline".equals(field) ? "newDeadline" : field;
        var atField =
                shown != null && FORM_FIELDS.getOrDefault(t, java.util.Set.of()).contains(shown);
        model.addAttribute("formError", new FormError(t.path(), shown, message, atField));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return show(id, me, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal Staff me, Model model) {
        var view = problems.require(new ProblemId(id), me);
        model.addAttribute("problem", view);
        model.addAttribute(
                "transitions",
                java.util.Arrays.stream(Transition.values())
                        .filter(t -> t.allowedFor(me) && t.offeredIn(view))
                        .filter(t -> me.role() != Role.UNIT_HANDLER
                                || view.units().stream()
                                        .anyMatch(u -> me.unit() != null
                                                && u.unitId() == me.unit().value()))
                        .toList());
        model.addAttribute("today", deadlines.today());
        model.addAttribute("clueId", problems.clueOf(view.id(), me).orElse(null));
        model.addAttribute(
                "notices",
                deadlines.steps(new dudao.deadlines.Subject(ProblemList.SUBJECT, id)).stream()
                        .filter(s -> s.rung() == dudao.deadlines.Rung.SUPERVISION_NOTICE)
                        .toList());
        if (view.status() == ProblemStatus.RECORDED) {
            model.addAttribute(
                    "assignableUnits",
                    units.within(me.jurisdiction(), null, null).stream()
                            .filter(u -> u.regionPath().startsWith(ProblemList.districtPath(view.regionPath())))
                            .toList());
        }
        return "rectification/detail";
    }

    @PostMapping("/{id}/{transition}")
    String act(
            @PathVariable long id,
            @PathVariable String transition,
            @Valid TransitionRequest form,
            BindingResult errors,
            @RequestParam(required = false) List<MultipartFile> files,
            @AuthenticationPrincipal Staff me,
            Model model,
            HttpServletResponse response,
            Locale locale) {
        var problemId = new ProblemId(id);
        var t = Transition.byPath(transition).orElseThrow(NotFound::record);
        if (errors.hasErrors()) {
            var error = errors.getFieldError();
            var message = error != null && error.isBindingFailure()
                    ? messages.getMessage("problem.form.unreadable", null, locale)
                    : messages.getMessage(errors.getAllErrors().get(0), locale);
            return refusedForm(id, t, error == null ? null : error.getField(), message, me, model, response);
        }
        try {
            act(problemId, t, form, files, me);
        } catch (BadInput bad) {
            var message = messages.getMessage(bad.messageKey(), bad.arguments(), locale);
            return refusedForm(id, t, bad.field(), message, me, model, response);
        }
        return "redirect:/problems/" + id;
    }

    private void act(ProblemId problemId, Transition t, TransitionRequest form, List<MultipartFile> files, Staff me) {
        var v = form.version();
        switch (t) {
            case ASSIGN ->
                problems.assign(
                        problemId,
                        new ProblemList.Assignment(form.leadUnit(), form.assistingUnits(), form.deadline()),
                        v,
                        me);
            case ACKNOWLEDGE -> problems.acknowledge(problemId, v, me);
            case FEEDBACK ->
                problems.submitFeedback(problemId, form.measures(), ProblemApiController.uploads(files), v, me);
            case ACCEPT -> problems.accept(problemId, form.note(), v, me);
            case REJECT -> problems.reject(problemId, form.reason(), v, me);
            case EXTEND -> problems.requestExtension(problemId, form.newDeadline(), form.reason(), v, me);
            case APPROVE_EXTENSION -> problems.approveExtension(problemId, v, me);
            case DECLINE_EXTENSION -> problems.declineExtension(problemId, form.reason(), v, me);
            case REOPEN -> problems.reopen(problemId, form.reason(), form.deadline(), v, me);
            case PASS_LOOK_BACK -> problems.passLookBack(problemId, form.note(), v, me);
        }
    }

    @GetMapping("/{id}/evidence/{file}")
    ResponseEntity<Resource> evidence(
            @PathVariable long id, @PathVariable long file, @AuthenticationPrincipal Staff me) {
        var stored = problems.evidenceFile(new ProblemId(id), file, me).orElseThrow(NotFound::record);
        if (!Files.isReadable(stored.path())) {
            throw NotFound.record();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(stored.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new FileSystemResource(stored.path()));
    }

    @GetMapping("/statistics")
    String statistics(
            @RequestParam(required = false) Long round,
            @RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) RectificationStatistics.By by,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var r = currentRound(round);
        var day = asOf == null ? deadlines.today() : asOf;
        var dimension = by == null ? RectificationStatistics.By.GROUP : by;
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("round", r);
        model.addAttribute("asOf", day);
        model.addAttribute("by", dimension);
        model.addAttribute("dimensions", RectificationStatistics.By.values());
        if (r != null) {
            model.addAttribute("total", statistics.total(r.id(), day, me.jurisdiction()));
            model.addAttribute("rows", statistics.figures(r.id(), day, dimension, me.jurisdiction()));
        }
        return "rectification/statistics";
    }

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(
            @ModelAttribute("filter") ProblemFilter filter,
            @AuthenticationPrincipal Staff me,
            java.util.Locale locale) {
        return download(ledger.export(filter, me, locale), XLSX, "整改台账.xlsx");
    }

    @GetMapping("/import")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    String importForm(Model model) {
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("columns", ProblemLedger.IMPORT_COLUMNS);
        return "rectification/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    String importLedger(
            @RequestParam long round,
            @RequestParam MultipartFile file,
            @AuthenticationPrincipal Staff me,
            java.util.Locale locale,
            Model model)
            throws java.io.IOException {
        try (var in = file.getInputStream()) {
            model.addAttribute("result", ledger.importLedger(new RoundId(round), in, me, locale));
        }
        return importForm(model);
    }

    @GetMapping("/{id}/letter.docx")
    ResponseEntity<byte[]> letter(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        var view = problems.require(new ProblemId(id), me);
        var addressee = view.units().stream()
                .map(ProblemView.UnitView::name)
                .reduce((a, b) -> a + "、" + b)
                .orElse(view.regionName());
        return download(
                documents.assignmentLetter(List.of(view), addressee, deadlines.today()), DOCX, "交办函-" + id + ".docx");
    }

    @GetMapping("/{id}/notices/{step}.docx")
    ResponseEntity<byte[]> notice(@PathVariable long id, @PathVariable long step, @AuthenticationPrincipal Staff me) {
        var view = problems.require(new ProblemId(id), me);
        var notice = deadlines.steps(new dudao.deadlines.Subject(ProblemList.SUBJECT, id)).stream()
                .filter(s -> s.id() == step && s.rung() == dudao.deadlines.Rung.SUPERVISION_NOTICE)
                .findFirst()
                .orElseThrow(NotFound::record);
        return download(documents.supervisionNotice(notice, view), DOCX, "督办通知书-" + notice.number() + ".docx");
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    /** The round asked for, else the latest one. */
    /**
     * The round asked for, else the one running on the business day, else the latest that has begun (a round set up
     * in advance does not take over the pages before it starts), else the earliest to come.
     */
    private Round currentRound(Long id) {
        if (id != null) {
            return rounds.find(new RoundId(id)).orElseThrow(NotFound::record);
        }
        var today = deadlines.today();
        return rounds.runningOn(today).stream()
                .findFirst()
                .or(() -> rounds.latest(today))
                .or(() -> rounds.all().stream().min(Comparator.comparing(Round::startsOn)))
                .orElse(null);
    }
}
