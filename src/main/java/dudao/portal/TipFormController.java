package dudao.portal;

import dudao.clues.ActivityCategory;
import dudao.clues.ClueIntake;
import dudao.clues.ReporterFollowUp;
import dudao.directory.Jurisdiction;
import dudao.directory.Regions;
import dudao.platform.BadInput;
import dudao.platform.PlainText;
import dudao.platform.Uploads;
import dudao.platform.UserFacingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The tip form, its receipt, and following a tip with the receipt code. Every answer that shows a receipt code or a
 * tip's messages is marked {@code no-store}, and the code only ever travels in form bodies, never in an address.
 */
@Controller
@RequestMapping("/public/tips")
class TipFormController {

    static final int MAX_FILES = 3;
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final TipSubmissions submissions;
    private final ClueIntake intake;
    private final ReporterFollowUp followUp;
    private final PublicGroups groups;
    private final Regions regions;
    private final ProofOfWork proofs;
    private final Throttle throttle;
    private final Uploads uploads;
    private final Validator validator;
    private final MessageSource messages;

    TipFormController(
            TipSubmissions submissions,
            ClueIntake intake,
            ReporterFollowUp followUp,
            PublicGroups groups,
            Regions regions,
            ProofOfWork proofs,
            Throttle throttle,
            Uploads uploads,
            Validator validator,
            MessageSource messages) {
        this.submissions = submissions;
        this.intake = intake;
        this.followUp = followUp;
        this.groups = groups;
        this.regions = regions;
        this.proofs = proofs;
        this.throttle = throttle;
        this.uploads = uploads;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) Integer group, Model model) {
        String region = null;
        if (group != null) {
            region = groups.current().stream()
                    .filter(s -> s.group().number() == group)
                    .map(s -> s.group().region().value())
                    .findFirst()
                    .orElse(null);
        }
        var challenge = proofs.issue();
        return page(
                TipForm.blank(UUID.randomUUID().toString(), challenge.value(), region == null ? null : group, region),
                challenge.bits(),
                model,
                List.of());
    }

    /**
     * A tip from the form. The order is the cost of each step: the fields (cheap), then the answer an earlier sending
     * of this same form got (a resend shows the same receipt, before anything else is checked again), then the
     * client's hourly limit and the proof of work, and only then the files, which are decoded a few at a time.
     */
    @PostMapping
    String submit(
            @ModelAttribute TipForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        var complaints = new ArrayList<String>();
        var tip = form.toTip(key -> messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE));
        for (var violation : validator.validate(tip)) {
            complaints.add(fieldLabel(violation.getPropertyPath().toString(), locale) + violation.getMessage());
        }
        if (form.token() == null || !form.token().matches("[0-9a-f-]{36}")) {
            complaints.add(messages.getMessage("portal.tip.reload", null, locale));
        }
        var sent = files == null
                ? List.<MultipartFile>of()
                : files.stream().filter(f -> !f.isEmpty()).toList();
        if (sent.size() > MAX_FILES) {
            complaints.add(messages.getMessage("portal.tip.tooManyFiles", new Object[] {MAX_FILES}, locale));
        }
        if (!complaints.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(form, proofs.issue(), model, complaints);
        }
        var contents = new ArrayList<byte[]>();
        for (var file : sent) {
            contents.add(file.getBytes());
        }
        var sentHash = TipSubmissions.formRequestHash(tip, contents);
        boolean proven = false;
        var client = throttle.client(request);
        boolean taken = false;
        boolean made = false;
        try {
            var earlier = submissions.earlier(form.token(), sentHash);
            if (earlier.isPresent()) {
                return receipt(earlier.get(), model);
            }
            throttle.takeSubmission(client);
            taken = true;
            proofs.check(form.challenge(), form.proof(), form.token());
            proven = true;
            var checked = throttle.inspect(() -> inspect(sent, contents));
            var receipt = throttle.admit(() -> submissions.submit(tip, form.token(), sentHash, checked));
            made = !receipt.replayed();
            return receipt(receipt, model);
        } catch (Throttle.Refused refused) {
            // Not the form's fault: its challenge stays with it, so sending the same form again goes through.
            throw refused;
        } catch (UserFacingException refused) {
            if (proven) {
                proofs.spend(form.challenge());
            }
            response.setStatus(refused.status().value());
            complaints.add(messages.getMessage(refused.messageKey(), refused.arguments(), locale));
            return page(form, proofs.issue(), model, complaints);
        } finally {
            if (taken && !made) {
                throttle.returnSubmission(client);
            }
        }
    }

    private String receipt(TipSubmissions.Receipt receipt, Model model) {
        model.addAttribute("receipt", receipt);
        model.addAttribute("receivedOn", groups.today());
        return "portal/tip-receipt";
    }

    private List<Uploads.Checked> inspect(List<MultipartFile> files, List<byte[]> contents) {
        var checked = new ArrayList<Uploads.Checked>();
        for (int i = 0; i < files.size(); i++) {
            checked.add(uploads.inspect(
                    files.get(i).getOriginalFilename(), contents.get(i), Uploads.any(), MAX_FILE_BYTES));
        }
        return checked;
    }

    @GetMapping("/lookup")
    String lookupForm() {
        return "portal/tip-lookup";
    }

    @PostMapping("/lookup")
    String lookup(
            @RequestParam(defaultValue = "") String receiptCode,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        response.setHeader("Cache-Control", "no-store");
        var clue = find(receiptCode, request, response, locale, model);
        if (clue == null) {
            return "portal/tip-lookup";
        }
        return status(clue, receiptCode, model);
    }

    /**
     * The reporter's message and files: checked whole (the text, then the files, a few at a time across the node) and
     * then written together in one transaction, so a refused file leaves no message behind to be sent twice.
     */
    @PostMapping("/reply")
    String reply(
            @RequestParam(defaultValue = "") String receiptCode,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        var clue = find(receiptCode, request, response, locale, model);
        if (clue == null) {
            return "portal/tip-lookup";
        }
        try {
            PlainText.Check.require("text", "portal.field.text", text);
            var sent = files == null
                    ? List.<MultipartFile>of()
                    : files.stream().filter(f -> !f.isEmpty()).toList();
            if (sent.size() > MAX_FILES) {
                throw new BadInput("files", "portal.tip.tooManyFiles", MAX_FILES);
            }
            if (text.isBlank() && sent.isEmpty()) {
                throw new BadInput("text", "clue.followUp.empty");
            }
            var contents = new ArrayList<byte[]>();
            for (var file : sent) {
                contents.add(file.getBytes());
            }
            var checked = throttle.inspect(() -> inspect(sent, contents));
            followUp.reply(clue, text, checked);
            model.addAttribute("done", "portal.tip.replied");
        } catch (UserFacingException refused) {
            response.setStatus(refused.status().value());
            if (refused instanceof Throttle.Refused busy) {
                response.setHeader("Retry-After", Long.toString(busy.retryAfter()));
            }
            model.addAttribute("complaint", messages.getMessage(refused.messageKey(), refused.arguments(), locale));
            model.addAttribute("text", PlainText.Check.isPlain(text) ? text : "");
        }
        return status(clue, receiptCode, model);
    }

    /** The clue of a typed receipt code, through the lookup limits; null (with the page's complaint) when none. */
    private dudao.clues.ClueId find(
            String code, HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        try {
            PlainText.Check.require("receiptCode", "portal.receipt.code", code);
        } catch (BadInput refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("complaint", messages.getMessage(refused.messageKey(), refused.arguments(), locale));
            return null;
        }
        var clue = throttle.lookup(throttle.client(request), () -> intake.byReceipt(code));
        if (clue.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("complaintKey", "portal.receipt.unknown");
            return null;
        }
        return clue.get();
    }

    private String status(dudao.clues.ClueId clue, String receiptCode, Model model) {
        model.addAttribute("view", followUp.view(clue));
        model.addAttribute("receiptCode", receiptCode.replaceAll("[\\s-]", ""));
        return "portal/tip-status";
    }

    private String page(TipForm form, ProofOfWork.Challenge challenge, Model model, List<String> complaints) {
        var fresh = new TipForm(
                form.token(),
                challenge.value(),
                null,
                form.group(),
                form.region(),
                form.named(),
                form.reporterName(),
                form.reporterPhone(),
                form.reporterAddress(),
                form.reportedName(),
                form.reportedDetail(),
                form.category(),
                form.place(),
                form.time(),
                form.description(),
                form.officials(),
                form.officialName(),
                form.officialDetail(),
                form.people(),
                form.violence(),
                form.weapons());
        return page(fresh, challenge.bits(), model, complaints);
    }

    private String page(TipForm form, int bits, Model model, List<String> complaints) {
        model.addAttribute("form", form);
        model.addAttribute("bits", bits);
        model.addAttribute("complaints", complaints);
        model.addAttribute("districts", regions.districts(Jurisdiction.wholeCity()));
        model.addAttribute("categories", ActivityCategory.values());
        model.addAttribute("times", TipForm.TIMES);
        model.addAttribute("maxFiles", MAX_FILES);
        return "portal/tip-form";
    }

    private String fieldLabel(String path, Locale locale) {
        var key = "portal.tip.field." + path.replaceAll("\\[\\d+]", "").replace('.', '_');
        var label = messages.getMessage(key, null, "", locale);
        return label.isEmpty() ? "" : label + "：";
    }

    @ExceptionHandler(Throttle.Refused.class)
    String refused(Throttle.Refused e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        response.setHeader("Retry-After", Long.toString(e.retryAfter()));
        model.addAttribute("status", e.status().value());
        model.addAttribute("reasonKey", e.messageKey());
        model.addAttribute("reasonArgs", e.arguments());
        return "error/refused";
    }
}
