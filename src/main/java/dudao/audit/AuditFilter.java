package dudao.audit;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.web.util.UriComponentsBuilder;

/** What an auditor narrows the trail to; every part is optional. */
public record AuditFilter(
        @Size(max = 64) String actor,
        @Size(max = 64) String action,
        @Size(max = 64) String objectType,
        @Size(max = 64) String objectId,
        LocalDate from,
        LocalDate to) {

    /** The filter as a query string ({@code ?actor=city&from=2018-07-01}), empty when nothing is filtered. */
    public String query() {
        var query = UriComponentsBuilder.newInstance();
        for (var part :
                new String[][] {{"actor", actor}, {"action", action}, {"objectType", objectType}, {"objectId", objectId}
                }) {
            if (part[1] != null && !part[1].isBlank()) {
                query.queryParam(part[0], part[1]);
            }
        }
        if (from != null) {
            query.queryParam("from", from);
        }
        if (to != null) {
            query.queryParam("to", to);
        }
        return query.build().encode().toUriString();
    }
}
