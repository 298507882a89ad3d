package dudao.audit;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What an auditor narrows the trail to; every part is optional. */
public record AuditFilter(
        @Size(max = 64) String actor,
        @Size(max = 64) String action,
        @Size(max = 64) String objectType,
        @Size(max = 64) String objectId,
        LocalDate from,
        LocalDate to) {}
