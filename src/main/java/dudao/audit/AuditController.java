package dudao.audit;

import dudao.platform.Paged;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'CITY_OFFICE')")
class AuditController {

    private final AuditTrail trail;
    private final org.springframework.context.MessageSource messages;

    AuditController(AuditTrail trail, org.springframework.context.MessageSource messages) {
        this.trail = trail;
        this.messages = messages;
    }

    /** The entries of the list, with its filters, as an Excel sheet (the trail is the whole city's). */
    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(
            @Valid @ModelAttribute("filter") AuditFilter filter, BindingResult binding, java.util.Locale locale) {
        if (binding.hasErrors()) {
            throw new dudao.platform.BadInput(binding.getFieldErrors().get(0).getField(), "validation.format");
        }
        var rows = new java.util.ArrayList<java.util.List<?>>();
        for (int page = 0; ; page++) {
            var found = trail.find(filter, new Paged.Request(page, Paged.MAX_SIZE));
            for (var e : found.items()) {
                rows.add(java.util.Arrays.asList(
                        e.seq(),
                        e.atUtc(),
                        e.actor(),
                        e.role(),
                        e.action(),
                        e.objectType() == null ? "" : e.objectType() + " " + (e.objectId() == null ? "" : e.objectId()),
                        messages.getMessage("audit.outcome." + e.outcome(), null, locale),
                        e.details()));
            }
            if (!found.hasNext()) {
                break;
            }
        }
        var header = java.util.stream.Stream.of(
                        "audit.seq",
                        "audit.at",
                        "audit.actor",
                        "audit.role",
                        "audit.action",
                        "audit.object",
                        "audit.outcome",
                        "audit.details")
                .map(k -> messages.getMessage(k, null, locale))
                .toList();
        trail.record("audit.export", null, null, Outcome.SUCCESS, rows.size() + " entries");
        return dudao.platform.Spreadsheets.download(
                dudao.platform.Spreadsheets.sheet(messages.getMessage("audit.title", null, locale), header, rows),
                "audit.xlsx");
    }

    @GetMapping
    String list(
            @Valid @ModelAttribute("filter") AuditFilter filter,
            BindingResult binding,
            @RequestParam(required = false) Integer page,
            HttpServletResponse response,
            Model model) {
        var effective = filter;
        if (binding.hasErrors()) {
            // The form shows what is wrong next to the field; the list is the unfiltered trail meanwhile.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            effective = new AuditFilter(null, null, null, null, null, null);
        }
        model.addAttribute("entries", trail.find(effective, Paged.Request.of(page, 100)));
        model.addAttribute("base", "/audit" + effective.query());
        return "audit/list";
    }

    @GetMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        model.addAttribute("filter", new AuditFilter(null, null, null, null, null, null));
        model.addAttribute(
                "entries", trail.find(new AuditFilter(null, null, null, null, null, null), Paged.Request.of(0, 100)));
        model.addAttribute("base", "/audit");
        return "audit/list";
    }
}
