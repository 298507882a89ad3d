package dudao.audit;

import dudao.platform.Paged;
import jakarta.validation.Valid;
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

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    String list(
            @Valid @ModelAttribute("filter") AuditFilter filter,
            BindingResult binding,
            @RequestParam(required = false) Integer page,
            Model model) {
        var effective = binding.hasErrors() ? new AuditFilter(null, null, null, null, null, null) : filter;
        model.addAttribute("entries", trail.find(effective, Paged.Request.of(page, 100)));
        return "audit/list";
    }

    @GetMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        model.addAttribute("filter", new AuditFilter(null, null, null, null, null, null));
        model.addAttribute(
                "entries", trail.find(new AuditFilter(null, null, null, null, null, null), Paged.Request.of(0, 100)));
        return "audit/list";
    }
}
