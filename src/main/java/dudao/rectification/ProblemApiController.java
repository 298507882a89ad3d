package dudao.rectification;

import dudao.campaign.RoundId;
import dudao.deadlines.Warning;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Paged;
import dudao.platform.StaleRecord;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The problem list as JSON. {@code GET /api/v1/problems/{id}} answers with an {@code ETag} (the version); a transition
 * sent with {@code If-Match} is refused with 412 if the problem changed meanwhile. A transition the problem's state does
 * not allow answers 409 with the reason in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/problems")
class ProblemApiController {

    private final ProblemList problems;
    private final RectificationStatistics statistics;

    ProblemApiController(ProblemList problems, RectificationStatistics statistics) {
        this.problems = problems;
        this.statistics = statistics;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    ResponseEntity<ProblemView> record(@Valid @RequestBody NewProblem problem, @AuthenticationPrincipal Staff me) {
        var id = problems.record(problem, me);
        var view = problems.require(id, me);
        return ResponseEntity.created(URI.create("/api/v1/problems/" + id))
                .eTag(etag(view.version()))
                .body(view);
    }

    @GetMapping
    Paged<ProblemRow> list(
            @RequestParam(required = false) Long round,
            @RequestParam(required = false) Long group,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long unit,
            @RequestParam(required = false) Long focusArea,
            @RequestParam(required = false) ProblemStatus status,
            @RequestParam(required = false) Warning warning,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal Staff me) {
        return problems.find(
                new ProblemFilter(round, group, region, unit, focusArea, status, warning, overdue),
                me,
                Paged.Request.of(page, size));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProblemView> show(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        var view = problems.require(new ProblemId(id), me);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    @PostMapping("/look-back-sample")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    List<ProblemRow> lookBackSample(
            @RequestParam long round, @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal Staff me) {
        return problems.lookBackSample(new RoundId(round), size, me);
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
    Map<String, Object> statistics(
            @RequestParam long round,
            @RequestParam LocalDate asOf,
            @RequestParam(defaultValue = "GROUP") RectificationStatistics.By by,
            @AuthenticationPrincipal Staff me) {
        return Map.of(
                "asOf", asOf,
                "total", statistics.total(new RoundId(round), asOf, me.jurisdiction()),
                "rows", statistics.figures(new RoundId(round), asOf, by, me.jurisdiction()));
    }

    @PostMapping(value = "/{id}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER', 'DISTRICT_OFFICE')")
    ResponseEntity<ProblemView> assign(
            @PathVariable long id,
            @Valid @RequestBody TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        return act(
                id,
                ifMatch,
                me,
                v -> problems.assign(
                        new ProblemId(id),
                        new ProblemList.Assignment(body.leadUnit(), body.assistingUnits(), body.deadline()),
                        v,
                        me));
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('UNIT_HANDLER')")
    ResponseEntity<ProblemView> acknowledge(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        return act(id, ifMatch, me, v -> problems.acknowledge(new ProblemId(id), v, me));
    }

    @PostMapping(value = "/{id}/feedback", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('UNIT_HANDLER')")
    ResponseEntity<ProblemView> feedbackWithFiles(
            @PathVariable long id,
            @RequestParam(required = false) String measures,
            @RequestPart(required = false) List<MultipartFile> files,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        var uploads = uploads(files);
        return act(id, ifMatch, me, v -> problems.submitFeedback(new ProblemId(id), measures, uploads, v, me));
    }

    @PostMapping(value = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('UNIT_HANDLER')")
    ResponseEntity<ProblemView> feedback(
            @PathVariable long id,
            @Valid @RequestBody TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        return act(id, ifMatch, me, v -> problems.submitFeedback(new ProblemId(id), body.measures(), List.of(), v, me));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    ResponseEntity<ProblemView> accept(
            @PathVariable long id,
            @Valid @RequestBody(required = false) TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        var b = body == null ? TransitionRequest.empty() : body;
        return act(id, ifMatch, me, v -> problems.accept(new ProblemId(id), b.note(), v, me));
    }

    @PostMapping(value = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    ResponseEntity<ProblemView> reject(
            @PathVariable long id,
            @Valid @RequestBody TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        return act(id, ifMatch, me, v -> problems.reject(new ProblemId(id), body.reason(), v, me));
    }

    @PostMapping(value = "/{id}/extend", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('UNIT_HANDLER')")
    ResponseEntity<ProblemView> extend(
            @PathVariable long id,
            @Valid @RequestBody TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        return act(
                id,
                ifMatch,
                me,
                v -> problems.requestExtension(new ProblemId(id), body.newDeadline(), body.reason(), v, me));
    }

    @PostMapping("/{id}/approve-extension")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER')")
    ResponseEntity<ProblemView> approveExtension(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        return act(id, ifMatch, me, v -> problems.approveExtension(new ProblemId(id), v, me));
    }

    @PostMapping(value = "/{id}/decline-extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER')")
    ResponseEntity<ProblemView> declineExtension(
            @PathVariable long id,
            @Valid @RequestBody TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        return act(id, ifMatch, me, v -> problems.declineExtension(new ProblemId(id), body.reason(), v, me));
    }

    @PostMapping(value = "/{id}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    ResponseEntity<ProblemView> reopen(
            @PathVariable long id,
            @Valid @RequestBody TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        return act(id, ifMatch, me, v -> problems.reopen(new ProblemId(id), body.reason(), body.deadline(), v, me));
    }

    @PostMapping("/{id}/pass-look-back")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    ResponseEntity<ProblemView> passLookBack(
            @PathVariable long id,
            @Valid @RequestBody(required = false) TransitionRequest body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal Staff me) {
        var b = body == null ? TransitionRequest.empty() : body;
        return act(id, ifMatch, me, v -> problems.passLookBack(new ProblemId(id), b.note(), v, me));
    }

    private ResponseEntity<ProblemView> act(long id, String ifMatch, Staff me, Consumer<Long> transition) {
        Long expected = version(ifMatch);
        try {
            transition.accept(expected);
        } catch (StaleRecord stale) {
            if (expected != null) {
                throw new ChangedSinceRead();
            }
            throw stale;
        }
        var view = problems.require(new ProblemId(id), me);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    static List<EvidenceUpload> uploads(List<MultipartFile> files) {
        var uploads = new ArrayList<EvidenceUpload>();
        for (var file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()
                    && (file.getOriginalFilename() == null
                            || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(new EvidenceUpload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} names (the number in quotes, strong or weak); null when absent or {@code *}. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        var value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadInput("If-Match", "problem.ifMatch.invalid");
        }
    }
}
