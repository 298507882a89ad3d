package dudao.rectification;

import dudao.campaign.DemoPrincipals;
import dudao.directory.Regions;
import dudao.directory.Staff;
import dudao.directory.StaffAccounts;
import dudao.platform.Authorities;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The demo accounts as fully signed-in principals (role and the STAFF authority the chains require). */
final class Principals {

    private final DemoPrincipals demo;

    Principals(StaffAccounts accounts, Regions regions) {
        this.demo = new DemoPrincipals(accounts, regions);
    }

    Staff staff(String username) {
        return demo.staff(username);
    }

    Authentication authentication(String username) {
        var staff = staff(username);
        return UsernamePasswordAuthenticationToken.authenticated(
                staff,
                null,
                List.of(
                        new SimpleGrantedAuthority(staff.role().authority()),
                        new SimpleGrantedAuthority(Authorities.STAFF)));
    }
}
