package dudao.directory;

import dudao.platform.Actor;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in staff member, as every controller receives it ({@code @AuthenticationPrincipal Staff me}).
 */
public record Staff(
        StaffId id,
        String username,
        String displayName,
        Role role,
        RegionCode region,
        String regionName,
        Jurisdiction jurisdiction,
        UnitId unit,
        boolean secondFactorOff)
        implements Actor, Serializable, AuthenticatedPrincipal {

    /** The sign-in's name (Spring Session indexes sessions by it): the username, not the whole record. */
    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String getName() {
        return username;
    }

    @Override
    public String roleCode() {
        return role.name();
    }

    @Override
    public String regionCode() {
        return region.value();
    }

    public boolean is(Role... roles) {
        for (var r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }
}
