package dudao.clues;

/**
 * The reporter as lists, exports and API answers show them: whether the tip is anonymous and whether the reporter
 * can be reached, with every identifying value replaced by a mask.
 */
public record MaskedReporter(boolean anonymous, String name, String phone, boolean reachable) {

    static final String MASK = "***";

    static MaskedReporter of(boolean anonymous, boolean hasContact, boolean hasPhone) {
        return new MaskedReporter(anonymous, anonymous ? null : MASK, hasPhone ? MASK : null, hasContact);
    }
}
