package dudao.audit;

import dudao.platform.Paged;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'CITY_OFFICE')")
class AuditApiController {

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/verify")
    Verification verify() {
        return trail.verify();
    }

    @GetMapping
    Paged<AuditEntry> list(
            @Valid AuditFilter filter,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return trail.find(filter, Paged.Request.of(page, size));
    }
}
