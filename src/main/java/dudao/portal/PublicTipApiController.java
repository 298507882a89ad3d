package dudao.portal;

import dudao.clues.ClueIntake;
import dudao.clues.ReporterFollowUp;
import dudao.platform.BadInput;
import dudao.platform.JsonErrors;
import dudao.platform.NotFound;
import dudao.platform.PlainText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

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
    private final Validator validator;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    PublicTipApiController(
            TipSubmissions submissions,
            ClueIntake intake,
            ReporterFollowUp followUp,
            Throttle throttle,
            JsonErrors errors,
            jakarta.validation.Validator validator,
            JsonMapper json) {
        this.submissions = submissions;
        this.intake = intake;
        this.followUp = followUp;
        this.throttle = throttle;
        this.errors = errors;
        this.validator = new SpringValidatorAdapter(validator);
        this.reader = json.readerFor(PublicTip.class);
        this.writer = json.writerFor(Created.class);
    }

    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    record Created(String receiptCode, String serial) {

        /** Never the receipt code: Spring logs response bodies this way at DEBUG. */
        @Override
        public String toString() {
            return "Created[receiptCode=***, serial=" + serial + "]";
        }
    }

    /**
     * Takes a tip. The body is read and validated here rather than by {@code @RequestBody} and {@code @Valid}, and the
     * answer written to the response rather than returned: Spring MVC's argument resolution and content negotiation cost
     * about a quarter of the application's time per tip under load (a flight recording of {@code bench/intake}); a
     * hotline system's surge is where that matters. Failures are thrown as the exceptions Spring would have thrown, so
     * the API's error advice answers them exactly as before (415, 400 with the fields, 413).
     */
    @PostMapping
    @Operation(
            summary = "Submit a tip",
            parameters =
                    @Parameter(
                            in = ParameterIn.HEADER,
                            name = "Idempotency-Key",
                            description = "A retry with the same key and body gets the same receipt"),
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = PublicTip.class))),
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = Created.class))))
    void submit(HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotSupportedException, BindException {
        refuseTokens(request.getHeader(HttpHeaders.AUTHORIZATION));
        var key = request.getHeader("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new BadInput("Idempotency-Key", "portal.idempotency.format");
        }
        var tip = read(request);
        var client = throttle.client(request);
        throttle.takeSubmission(client);
        TipSubmissions.Receipt receipt;
        try {
            receipt = throttle.admit(() -> submissions.submitApi(tip, key));
        } catch (RuntimeException e) {
            throttle.returnSubmission(client);
            throw e;
        }
        if (receipt.replayed()) {
            throttle.returnSubmission(client);
        }
        // A retry gets the answer the first request got, its status included; the header tells an integrator it was
        // one.
        response.setStatus(HttpStatus.CREATED.value());
        if (receipt.replayed()) {
            response.setHeader("Idempotent-Replayed", "true");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        writer.writeValue(response.getOutputStream(), new Created(receipt.receiptCode(), receipt.serial()));
    }

    private PublicTip read(HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException, BindException {
        var input = new ServletServerHttpRequest(request);
        var type = input.getHeaders().getContentType();
        if (type == null || !JSON.isCompatibleWith(type) && !type.getSubtype().endsWith("+json")) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON));
        }
        PublicTip tip;
        try {
            tip = reader.readValue(request.getInputStream());
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("The tip is not readable JSON of the expected shape", e, input);
        }
        if (tip == null) {
            throw new HttpMessageNotReadableException("The tip is missing", input);
        }
        var errors = new BeanPropertyBindingResult(tip, "publicTip");
        validator.validate(tip, errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        return tip;
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
