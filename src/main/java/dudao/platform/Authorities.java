package dudao.platform;

/** Authority names shared by the security chains and the modules that grant them. */
public final class Authorities {

    /** Held by every fully signed-in staff member (password and, where required, second factor). */
    public static final String STAFF = "STAFF";

    /** Held between a correct password and the second factor: grants only the second-factor pages. */
    public static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

    private Authorities() {}
}
