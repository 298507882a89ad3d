package dudao.clues;

import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.directory.UnitId;
import dudao.directory.Units;
import dudao.platform.Paged;
import dudao.platform.UserFacingException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clue list (线索清单), the intake form, a clue's page with its timeline and the forms of its steps. */
@Controller
@RequestMapping("/clues")
class ClueController {

    /** The steps each role may take (the API says the same with @PreAuthorize). */
    private static final Map<Role, Set<String>> STEPS = Map.of(
            Role.CITY_OFFICE,
                    Set.of("triage", "transfer", "assign", "review", "reply", "close", "merge", "split", "study"),
            Role.GROUP_LEADER,
                    Set.of("triage", "transfer", "assign", "review", "reply", "close", "merge", "split", "study"),
            Role.GROUP_MEMBER, Set.of("triage", "transfer", "assign", "reply", "close", "merge", "split", "study"),
            Role.DISTRICT_OFFICE, Set.of("triage", "transfer", "assign", "reply", "close", "merge", "split", "study"),
            Role.DISCIPLINE,
                    Set.of(
                            "triage",
                            "transfer",
                            "assign",
                            "verify",
                            "review",
                            "reply",
                            "close",
                            "merge",
                            "split",
                            "study"),
            Role.UNIT_HANDLER, Set.of("verify"));

    private final ClueIntake intake;
    private final ClueHandling handling;
    private final ClueList list;
    private final Regions regions;
    private final Units units;
    private final ClueLedger ledger;
    private final ClueStatistics statistics;
    private final dudao.platform.Today today;
    private final ClueAttachments attachments;
    private final ClueImport imports;

    ClueController(
            ClueIntake intake,
            ClueHandling handling,
            ClueList list,
            Regions regions,
            Units units,
            ClueLedger ledger,
            ClueStatistics statistics,
            dudao.platform.Today today,
            ClueAttachments attachments,
            ClueImport imports) {
        this.intake = intake;
        this.handling = handling;
        this.list = list;
        this.regions = regions;
        this.units = units;
        this.ledger = ledger;
        this.statistics = statistics;
        this.today = today;
        this.attachments = attachments;
        this.imports = imports;
    }

    @PostMapping("/{id}/attachments")
    @PreAuthorize(ClueApiController.ATTACHERS)
    String attach(
            @PathVariable long id,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            @AuthenticationPrincipal Staff me,
            RedirectAttributes r)
            throws java.io.IOException {
        attachments.add(new ClueId(id), file.getOriginalFilename(), file.getBytes(), me);
        return done(id, "attach", r);
    }

    @GetMapping("/{id}/attachments/{attachment}")
    org.springframework.http.ResponseEntity<byte[]> download(
            @PathVariable long id, @PathVariable long attachment, @AuthenticationPrincipal Staff me) {
        return download(attachments.read(new ClueId(id), attachment, me));
    }

    static org.springframework.http.ResponseEntity<byte[]> download(ClueAttachments.Content content) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(content.contentType()))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(content.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    @GetMapping("/export.xlsx")
    void export(
            @Valid ClueFilter filter,
            @AuthenticationPrincipal Staff me,
            java.util.Locale locale,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                org.springframework.http.ContentDisposition.attachment()
                        .filename("clues.xlsx")
                        .build()
                        .toString());
        ledger.write(filter, me, locale, response.getOutputStream());
    }

    @GetMapping("/funnel")
    String funnel(
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate asOf,
            @RequestParam(required = false) ClueStatistics.By by,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var day = asOf == null ? today.date() : asOf;
        var grouping = by == null ? ClueStatistics.By.DISTRICT : by;
        model.addAttribute("asOf", day);
        model.addAttribute("by", grouping);
        model.addAttribute("bys", ClueStatistics.By.values());
        model.addAttribute("rows", statistics.funnel(day, grouping, me));
        return "clues/funnel";
    }

    @GetMapping
    String list(
            @Valid @ModelAttribute("filter") ClueFilter filter,
            BindingResult binding,
            @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var effective = binding.hasErrors() ? ClueFilter.none() : filter;
        model.addAttribute("page", list.find(effective, me, Paged.Request.of(page, 50)));
        model.addAttribute("base", "/clues" + query(effective));
        filterChoices(me, model);
        return "clues/list";
    }

    /** The key-clue list (重点线索) with the joint study's conclusions, and a form to record them. */
    @GetMapping("/key")
    String keyClues(@RequestParam(required = false) Integer page, @AuthenticationPrincipal Staff me, Model model) {
        model.addAttribute("page", list.keyClues(me, Paged.Request.of(page, 50)));
        model.addAttribute("base", "/clues/key");
        model.addAttribute("mayStudy", STEPS.getOrDefault(me.role(), Set.of()).contains("study"));
        return "clues/key";
    }

    /** The form to import a hotline's existing ledger. */
    @GetMapping("/import")
    @PreAuthorize(ClueApiController.HANDLERS)
    String importForm() {
        return "clues/import";
    }

    /**
     * Imports the ledger all or nothing: either every row becomes a clue (the page lists their serials and receipt
     * codes, shown this once), or nothing is recorded and the page lists each bad row with its number.
     */
    @PostMapping(path = "/import", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ClueApiController.HANDLERS)
    String importLedger(
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            @AuthenticationPrincipal Staff me,
            Model model,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        try {
            model.addAttribute("imported", imports.importLedger(file.getInputStream(), me));
        } catch (ClueImport.Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refused", e.errors());
        }
        return "clues/import";
    }

    @GetMapping("/new")
    @PreAuthorize(ClueApiController.HANDLERS)
    String newForm(@AuthenticationPrincipal Staff me, Model model) {
        model.addAttribute(
                "clue",
                ClueForm.empty(
                        me.jurisdiction().isWholeCity() ? "" : me.region().value()));
        return form(me, model);
    }

    @PostMapping
    @PreAuthorize(ClueApiController.HANDLERS)
    String create(
            @Valid @ModelAttribute("clue") ClueForm form,
            BindingResult binding,
            @AuthenticationPrincipal Staff me,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var done = intake.record(form.toNewClue(), me);
                redirect.addFlashAttribute("serial", done.serial());
                redirect.addFlashAttribute("receiptCode", done.receiptCode().value());
                return "redirect:/clues/" + done.id();
            } catch (UserFacingException e) {
                binding.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
        return form(me, model);
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal Staff me, Model model) {
        var clue = list.detail(new ClueId(id), me);
        model.addAttribute("clue", clue);
        model.addAttribute("similar", list.similar(new ClueId(id), me));
        var allowed = STEPS.getOrDefault(me.role(), Set.of());
        model.addAttribute(
                "steps", clue.openSteps().stream().filter(allowed::contains).toList());
        model.addAttribute("mayReveal", ClueHandling.MAY_REVEAL.contains(me.role()));
        model.addAttribute("attachments", attachments.of(new ClueId(id)));
        model.addAttribute("scopes", Scope.values());
        model.addAttribute(
                "subCategories",
                List.of(ActivityCategory.values()).stream()
                        .filter(c -> c != ActivityCategory.UNKNOWN)
                        .toList());
        model.addAttribute("methods", VerifyMethod.values());
        model.addAttribute("results", VerifyResult.values());
        if (clue.openSteps().contains("assign") && allowed.contains("assign")) {
            model.addAttribute(
                    "units",
                    clue.row().officialsNamed()
                            ? units.within(me.jurisdiction(), null, null).stream()
                                    .filter(u -> u.region().equals(RegionCode.CITY))
                                    .toList()
                            : units.within(
                                    me.jurisdiction(), new RegionCode(clue.row().regionCode()), null));
        }
        return "clues/detail";
    }

    @PostMapping("/{id}/triage")
    @PreAuthorize(ClueApiController.HANDLERS)
    String triage(
            @PathVariable long id, @Valid ClueSteps.Triage f, @AuthenticationPrincipal Staff me, RedirectAttributes r) {
        handling.triage(new ClueId(id), f.scope(), f.subCategory(), me);
        return done(id, "triage", r);
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize(ClueApiController.HANDLERS)
    String transfer(
            @PathVariable long id,
            @Valid ClueSteps.Transfer f,
            @AuthenticationPrincipal Staff me,
            RedirectAttributes r) {
        handling.transfer(new ClueId(id), f.department(), f.letter(), me);
        return done(id, "transfer", r);
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize(ClueApiController.HANDLERS)
    String assign(
            @PathVariable long id, @Valid ClueSteps.Assign f, @AuthenticationPrincipal Staff me, RedirectAttributes r) {
        handling.assign(new ClueId(id), new UnitId(f.unitId()), f.days(), me);
        return done(id, "assign", r);
    }

    @PostMapping("/{id}/verify")
    @PreAuthorize(ClueApiController.VERIFIERS)
    String verify(
            @PathVariable long id, @Valid ClueSteps.Verify f, @AuthenticationPrincipal Staff me, RedirectAttributes r) {
        handling.verify(new ClueId(id), f.methods(), f.findings(), f.result(), me);
        return done(id, "verify", r);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(ClueApiController.REVIEWERS)
    String review(
            @PathVariable long id, @Valid ClueSteps.Review f, @AuthenticationPrincipal Staff me, RedirectAttributes r) {
        handling.review(new ClueId(id), f.accept(), f.comment(), me);
        return done(id, "review", r);
    }

    @PostMapping("/{id}/reply")
    @PreAuthorize(ClueApiController.HANDLERS)
    String reply(
            @PathVariable long id, @Valid ClueSteps.Reply f, @AuthenticationPrincipal Staff me, RedirectAttributes r) {
        handling.reply(new ClueId(id), f.message(), me);
        return done(id, "reply", r);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(ClueApiController.HANDLERS)
    String close(@PathVariable long id, @AuthenticationPrincipal Staff me, RedirectAttributes r) {
        handling.close(new ClueId(id), me);
        return done(id, "close", r);
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize(ClueApiController.HANDLERS)
    String merge(
            @PathVariable long id, @Valid ClueSteps.Merge f, @AuthenticationPrincipal Staff me, RedirectAttributes r) {
        handling.merge(new ClueId(id), new ClueId(f.into()), me);
        return done(id, "merge", r);
    }

    @PostMapping("/{id}/split")
    @PreAuthorize(ClueApiController.HANDLERS)
    String split(@PathVariable long id, @AuthenticationPrincipal Staff me, RedirectAttributes r) {
        handling.split(new ClueId(id), me);
        return done(id, "split", r);
    }

    @PostMapping("/{id}/study")
    @PreAuthorize(ClueApiController.HANDLERS)
    String study(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean key,
            @RequestParam(required = false) String conclusion,
            @RequestParam(required = false) String from,
            @AuthenticationPrincipal Staff me,
            RedirectAttributes r) {
        if (conclusion != null && conclusion.length() > 5000) {
            throw new dudao.platform.BadInput("conclusion", "validation.tooLong");
        }
        handling.study(new ClueId(id), key, conclusion, me);
        if ("key".equals(from)) {
            r.addFlashAttribute("doneStep", "clue.step.study");
            return "redirect:/clues/key";
        }
        return done(id, "study", r);
    }

    /** Shows the identity on this one answer only; it is never put in the session or a redirect. */
    @PostMapping("/{id}/reveal-identity")
    @PreAuthorize(ClueApiController.REVEALERS)
    String reveal(@PathVariable long id, @Valid ClueSteps.Reveal f, @AuthenticationPrincipal Staff me, Model model) {
        model.addAttribute("identity", handling.revealIdentity(new ClueId(id), f.reason(), me));
        return show(id, me, model);
    }

    private String done(long id, String step, RedirectAttributes redirect) {
        redirect.addFlashAttribute("doneStep", "clue.step." + step);
        return "redirect:/clues/" + id;
    }

    private String form(Staff me, Model model) {
        model.addAttribute("districts", regions.districts(me.jurisdiction()));
        model.addAttribute(
                "channels",
                List.of(Channel.values()).stream().filter(c -> c != Channel.WEB).toList());
        model.addAttribute("categories", ActivityCategory.values());
        return "clues/form";
    }

    private void filterChoices(Staff me, Model model) {
        model.addAttribute("districts", regions.districts(me.jurisdiction()));
        model.addAttribute("statuses", ClueStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("categories", ActivityCategory.values());
    }

    static String query(ClueFilter f) {
        var b = org.springframework.web.util.UriComponentsBuilder.newInstance();
        if (f.q() != null && !f.q().isBlank()) {
            b.queryParam("q", f.q());
        }
        if (f.status() != null) {
            b.queryParam("status", f.status());
        }
        if (f.channel() != null) {
            b.queryParam("channel", f.channel());
        }
        if (f.region() != null && !f.region().isBlank()) {
            b.queryParam("region", f.region());
        }
        if (f.scope() != null) {
            b.queryParam("scope", f.scope());
        }
        if (f.category() != null) {
            b.queryParam("category", f.category());
        }
        if (Boolean.TRUE.equals(f.key())) {
            b.queryParam("key", true);
        }
        if (f.officials() != null) {
            b.queryParam("officials", f.officials());
        }
        if (f.from() != null) {
            b.queryParam("from", f.from());
        }
        if (f.to() != null) {
            b.queryParam("to", f.to());
        }
        return b.build().encode().toUriString();
    }
}
