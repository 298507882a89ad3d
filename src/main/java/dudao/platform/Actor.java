package dudao.platform;

/**
 * Who is acting, as far as the platform and the audit trail need to know: modules that own accounts put a principal
 * implementing this into the security context.
 */
public interface Actor {

    String username();

    String displayName();

    /** The role's code name, e.g. {@code CITY_OFFICE}. */
    String roleCode();

    /** The code of the region the actor's jurisdiction starts at. */
    String regionCode();

    String regionName();

    /** Whether this account signs in without a second factor (demo accounts only). */
    boolean secondFactorOff();
}
