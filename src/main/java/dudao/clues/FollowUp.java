package dudao.clues;

import java.time.Instant;
import java.util.List;

/**
 * What a reporter sees with the receipt code: the serial, when it was received, a coarse state (received, being
 * handled, closed) and the replies, nothing about who handles it or what they found.
 */
public record FollowUp(String serial, Instant receivedAt, Stage stage, List<ClueDetail.Message> replies) {

    public enum Stage {
        RECEIVED,
        HANDLING,
        CLOSED
    }

    static Stage of(ClueStatus status) {
        return switch (status) {
            case RECEIVED -> Stage.RECEIVED;
            case CLOSED -> Stage.CLOSED;
            default -> Stage.HANDLING;
        };
    }
}
