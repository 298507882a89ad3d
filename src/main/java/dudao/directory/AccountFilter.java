package dudao.directory;

import jakarta.validation.constraints.Size;

/** What the account list is narrowed to; every part optional. */
public record AccountFilter(
        @Size(max = 64) String q, Role role, @Size(max = 20) String region, Boolean enabled) {

    public static AccountFilter none() {
        return new AccountFilter(null, null, null, null);
    }
}
