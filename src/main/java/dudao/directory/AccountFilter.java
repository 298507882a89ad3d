package dudao.directory;

import jakarta.validation.constraints.Size;

/** What the account list is narrowed to; every part optional. */
public record AccountFilter(
        @Size(max = 64) String q, Role role, @Size(max = 20) String region, Boolean enabled) {

    public static AccountFilter none() {
        return new AccountFilter(null, null, null, null);
    }

    /** The filter as a query string ({@code ?q=…&role=…}, empty without one), so the list's pages keep it. */
    public String query() {
        var query = org.springframework.web.util.UriComponentsBuilder.newInstance();
        if (q != null && !q.isBlank()) {
            query.queryParam("q", q);
        }
        if (role != null) {
            query.queryParam("role", role.name());
        }
        if (region != null && !region.isBlank()) {
            query.queryParam("region", region);
        }
        if (enabled != null) {
            query.queryParam("enabled", enabled);
        }
        return query.build().encode().toUriString();
    }
}
