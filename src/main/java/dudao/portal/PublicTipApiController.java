package dudao.portal;

import dudao.clues.ClueIntake;
import dudao.clues.ReporterFollowUp;
import dudao.platform.BadInput;
import dudao.platform.JsonErrors;
import dudao.platform.NotFound;
import dudao.platform.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public tip API for hotline systems and the national platform. No staff token is needed, and none is accepted:
 * a request that carries one is refused, so that no staff identity is ever tied to a tip.
 */
@RestController
@RequestMapping("/api/v1/public/tips")
class PublicTipApiController {

    private final TipSubmissions submissions;
    private final ClueIntake intake;
    private final ReporterFollowUp followUp;
    private final Throttle throttle;
    private final JsonErrors errors;

    PublicTipApiController(
            TipSubmissions submissions,
            ClueIntake intake,
            ReporterFollowUp followUp,
            Throttle throttle,
            JsonErrors errors) {
        this.submissions = submissions;
        this.intake = intake;
        this.followUp = followUp;
        this.throttle = throttle;
        this.errors = errors;
    }

    record Created(String receiptCode, String serial) {

        /** Never the receipt code: Spring logs response bodies this way at DEBUG. */
        @Override
        public String toString() {
            return "Created[receiptCode=***, serial=" + serial + "]";
        }
    }

    @PostMapping
    ResponseEntity<Created> submit(
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @Valid @RequestBody PublicTip tip,
            HttpServletRequest request) {
        refuseTokens(authorization);
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new BadInput("Idempotency-Key", "portal.idempotency.format");
        }
        var client = throttle.client(request);
        throttle.checkSubmission(client);
        var receipt = throttle.admit(() -> submissions.submitApi(tip, key));
        if (!receipt.replayed()) {
            throttle.countSubmission(client);
        }
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Created(receipt.receiptCode(), receipt.serial()));
    }

    record Lookup(
            @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.tooLong}") @PlainText
            String receiptCode) {

        @Override
        public String toString() {
            return "Lookup[receiptCode=***]";
        }
    }

    record Status(String serial, LocalDate receivedOn, ReporterFollowUp.PublicStatus status, List<Shown> messages) {}

    record Shown(Instant at, String from, String text) {}

    @PostMapping("/lookup")
    Status lookup(
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @Valid @RequestBody Lookup lookup,
            HttpServletRequest request) {
        refuseTokens(authorization);
        var view = followUp.view(find(lookup.receiptCode(), request));
        return new Status(
                view.serial(),
                view.receivedOn(),
                view.status(),
                view.messages().stream()
                        .map(m -> new Shown(m.at(), m.fromReporter() ? "reporter" : "handler", m.body()))
                        .toList());
    }

    record Reply(
            @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.tooLong}") @PlainText
            String receiptCode,

            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") @PlainText
            String text) {

        @Override
        public String toString() {
            return "Reply[receiptCode=***]";
        }
    }

    @PostMapping("/messages")
    ResponseEntity<Map<String, Object>> reply(
            @RequestHeader(value = "Authorization", required = false) String authorization,
            @Valid @RequestBody Reply reply,
            HttpServletRequest request) {
        refuseTokens(authorization);
        followUp.reply(find(reply.receiptCode(), request), reply.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("ok", true));
    }

    private dudao.clues.ClueId find(String code, HttpServletRequest request) {
        return throttle.lookup(throttle.client(request), () -> intake.byReceipt(code))
                .orElseThrow(() -> new NotFound("portal.receipt.unknown"));
    }

    private static void refuseTokens(String authorization) {
        if (authorization != null) {
            throw new BadInput("Authorization", "portal.noTokens");
        }
    }

    @ExceptionHandler(Throttle.Refused.class)
    ResponseEntity<Map<String, Object>> refused(Throttle.Refused e, HttpServletRequest request) {
        return ResponseEntity.status(e.status())
                .header("Retry-After", Long.toString(e.retryAfter()))
                .body(errors.body(request, e.status(), e.messageKey(), e.arguments(), List.of()));
    }
}
