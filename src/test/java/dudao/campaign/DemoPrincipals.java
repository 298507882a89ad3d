package dudao.campaign;

import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
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
        return accounts.principal(username).orElseThrow();
    }

    public Authentication authentication(String username) {
        var staff = staff(username);
        return UsernamePasswordAuthenticationToken.authenticated(
                staff,
                null,
                List.of(
                        new SimpleGrantedAuthority(dudao.platform.Authorities.STAFF),
                        new SimpleGrantedAuthority(staff.role().authority())));
    }
}
