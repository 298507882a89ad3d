package dudao.clues;

import dudao.directory.Staff;
import dudao.directory.UnitId;
import dudao.platform.Paged;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The clues as JSON: intake, the list, one clue, its likely duplicates, and one POST per step. */
@RestController
@RequestMapping("/api/v1/clues")
class ClueApiController {

    static final String HANDLERS =
            "hasAnyRole('CITY_OFFICE','GROUP_LEADER','GROUP_MEMBER','DISTRICT_OFFICE','DISCIPLINE')";
    static final String REVIEWERS = "hasAnyRole('CITY_OFFICE','GROUP_LEADER','DISCIPLINE')";
    static final String VERIFIERS = "hasAnyRole('UNIT_HANDLER','DISCIPLINE')";
    static final String ATTACHERS =
            "hasAnyRole('CITY_OFFICE','GROUP_LEADER','GROUP_MEMBER','DISTRICT_OFFICE','DISCIPLINE','UNIT_HANDLER')";
    static final String REVEALERS = "hasAnyRole('CITY_OFFICE','GROUP_LEADER','DISCIPLINE')";

    private final ClueIntake intake;
    private final ClueHandling handling;
    private final ClueList list;
    private final ClueStatistics statistics;
    private final ClueAttachments attachments;
    private final ClueImport imports;
    private final dudao.platform.JsonErrors errors;
    private final org.springframework.context.MessageSource messages;

    ClueApiController(
            ClueIntake intake,
            ClueHandling handling,
            ClueList list,
            ClueStatistics statistics,
            ClueAttachments attachments,
            ClueImport imports,
            dudao.platform.JsonErrors errors,
            org.springframework.context.MessageSource messages) {
        this.imports = imports;
        this.errors = errors;
        this.messages = messages;
        this.intake = intake;
        this.handling = handling;
        this.list = list;
        this.statistics = statistics;
        this.attachments = attachments;
    }

    record Imported(int imported, List<Created> clues) {}

    /** A hotline's existing ledger, all or nothing; the receipt codes are in this answer only. */
    @PostMapping(path = "/import", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(HANDLERS)
    ResponseEntity<Imported> importLedger(
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            @AuthenticationPrincipal Staff me)
            throws java.io.IOException {
        var done = imports.importLedger(file.getInputStream(), me);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Imported(
                        done.size(),
                        done.stream()
                                .map(d -> new Created(
                                        d.id().value(),
                                        d.serial(),
                                        d.receiptCode().value()))
                                .toList()));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ClueImport.Refused.class)
    ResponseEntity<Map<String, Object>> importRefused(
            ClueImport.Refused e, jakarta.servlet.http.HttpServletRequest request, java.util.Locale locale) {
        var fields = e.errors().stream()
                .map(r -> new dudao.platform.JsonErrors.FieldError(
                        "row " + r.row() + ": " + r.field(),
                        messages.getMessage(r.messageKey(), null, r.messageKey(), locale)))
                .toList();
        return ResponseEntity.badRequest()
                .body(errors.body(request, HttpStatus.BAD_REQUEST, e.messageKey(), e.arguments(), fields));
    }

    @PostMapping(path = "/{id}/attachments", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ATTACHERS)
    ResponseEntity<ClueAttachments.Attachment> attach(
            @PathVariable long id,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            @AuthenticationPrincipal Staff me)
            throws java.io.IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(attachments.add(new ClueId(id), file.getOriginalFilename(), file.getBytes(), me));
    }

    @GetMapping("/{id}/attachments")
    List<ClueAttachments.Attachment> attachments(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        list.detail(new ClueId(id), me);
        return attachments.of(new ClueId(id));
    }

    @GetMapping("/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> download(
            @PathVariable long id, @PathVariable long attachment, @AuthenticationPrincipal Staff me) {
        return ClueController.download(attachments.read(new ClueId(id), attachment, me));
    }

    @GetMapping("/funnel")
    List<FunnelRow> funnel(
            @RequestParam
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate asOf,
            @RequestParam(required = false) ClueStatistics.By by,
            @AuthenticationPrincipal Staff me) {
        return statistics.funnel(asOf, by == null ? ClueStatistics.By.DISTRICT : by, me);
    }

    record Created(long id, String serial, String receiptCode) {

        /** Never the receipt code: Spring logs response bodies this way at DEBUG. */
        @Override
        public String toString() {
            return "Created[id=" + id + ", serial=" + serial + ", receiptCode=***]";
        }
    }

    record StepDone(long id, ClueStatus status) {}

    @PostMapping
    @PreAuthorize(HANDLERS)
    ResponseEntity<Created> record(@Valid @RequestBody NewClue clue, @AuthenticationPrincipal Staff me) {
        var done = intake.record(clue, me);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(
                        done.id().value(), done.serial(), done.receiptCode().value()));
    }

    @GetMapping
    Paged<ClueRow> find(
            @Valid ClueFilter filter,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal Staff me) {
        return list.find(filter, me, Paged.Request.of(page, size));
    }

    @GetMapping("/{id}")
    ClueDetail show(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return list.detail(new ClueId(id), me);
    }

    @GetMapping("/{id}/similar")
    List<SimilarClue> similar(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return list.similar(new ClueId(id), me);
    }

    @PostMapping("/{id}/triage")
    @PreAuthorize(HANDLERS)
    StepDone triage(@PathVariable long id, @Valid @RequestBody ClueSteps.Triage f, @AuthenticationPrincipal Staff me) {
        handling.triage(new ClueId(id), f.scope(), f.subCategory(), me);
        return done(id, me);
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize(HANDLERS)
    StepDone transfer(
            @PathVariable long id, @Valid @RequestBody ClueSteps.Transfer f, @AuthenticationPrincipal Staff me) {
        handling.transfer(new ClueId(id), f.department(), f.letter(), me);
        return done(id, me);
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize(HANDLERS)
    StepDone assign(@PathVariable long id, @Valid @RequestBody ClueSteps.Assign f, @AuthenticationPrincipal Staff me) {
        handling.assign(new ClueId(id), new UnitId(f.unitId()), f.days(), me);
        return done(id, me);
    }

    @PostMapping("/{id}/verify")
    @PreAuthorize(VERIFIERS)
    StepDone verify(@PathVariable long id, @Valid @RequestBody ClueSteps.Verify f, @AuthenticationPrincipal Staff me) {
        handling.verify(new ClueId(id), f.methods(), f.findings(), f.result(), me);
        return done(id, me);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(REVIEWERS)
    StepDone review(@PathVariable long id, @Valid @RequestBody ClueSteps.Review f, @AuthenticationPrincipal Staff me) {
        handling.review(new ClueId(id), f.accept(), f.comment(), me);
        return done(id, me);
    }

    @PostMapping("/{id}/reply")
    @PreAuthorize(HANDLERS)
    StepDone reply(@PathVariable long id, @Valid @RequestBody ClueSteps.Reply f, @AuthenticationPrincipal Staff me) {
        handling.reply(new ClueId(id), f.message(), me);
        return done(id, me);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(HANDLERS)
    StepDone close(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        handling.close(new ClueId(id), me);
        return done(id, me);
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize(HANDLERS)
    StepDone merge(@PathVariable long id, @Valid @RequestBody ClueSteps.Merge f, @AuthenticationPrincipal Staff me) {
        handling.merge(new ClueId(id), new ClueId(f.into()), me);
        return done(id, me);
    }

    @PostMapping("/{id}/split")
    @PreAuthorize(HANDLERS)
    StepDone split(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        handling.split(new ClueId(id), me);
        return done(id, me);
    }

    @PostMapping("/{id}/study")
    @PreAuthorize(HANDLERS)
    StepDone study(@PathVariable long id, @Valid @RequestBody ClueSteps.Study f, @AuthenticationPrincipal Staff me) {
        handling.study(new ClueId(id), f.key(), f.conclusion(), me);
        return done(id, me);
    }

    @PostMapping("/{id}/reveal-identity")
    @PreAuthorize(REVEALERS)
    ReporterIdentity reveal(
            @PathVariable long id, @Valid @RequestBody ClueSteps.Reveal f, @AuthenticationPrincipal Staff me) {
        return handling.revealIdentity(new ClueId(id), f.reason(), me);
    }

    private StepDone done(long id, Staff me) {
        return new StepDone(id, list.detail(new ClueId(id), me).row().status());
    }
}
