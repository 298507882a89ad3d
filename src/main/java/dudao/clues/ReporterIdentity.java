package dudao.clues;

/** The reporter's identity and contact in clear, as revealed with a recorded reason. */
public record ReporterIdentity(boolean anonymous, String name, String phone, String idNumber, String address) {

    /** Never the identity: Spring logs response bodies this way at DEBUG. */
    @Override
    public String toString() {
        return "ReporterIdentity[anonymous=" + anonymous + ", ***]";
    }
}
