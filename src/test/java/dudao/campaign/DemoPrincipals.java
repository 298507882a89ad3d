package dudao.campaign;

import dudao.directory.AccountFilter;
import dudao.directory.Jurisdiction;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
import dudao.platform.Paged;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The demo accounts as the principals they sign in as, for module and web tests. */
public final class DemoPrincipals {

    private final StaffAccounts accounts;
    private final Regions regions;

    public DemoPrincipals(StaffAccounts accounts, Regions regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    public Staff staff(String username) {
        var account = accounts
                .find(new AccountFilter(username, null, null, null), Jurisdiction.wholeCity(), new Paged.Request(0, 50))
                .items()
                .stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow();
        return new Staff(
                account.id(),
                account.username(),
                account.displayName(),
                account.role(),
                account.region(),
                account.regionName(),
                Jurisdiction.of(regions.find(account.region()).orElseThrow()),
                account.unit(),
                account.secondFactorOff());
    }

    public Authentication authentication(String username) {
        var staff = staff(username);
        return UsernamePasswordAuthenticationToken.authenticated(
                staff, null, List.of(new SimpleGrantedAuthority(staff.role().authority())));
    }
}
