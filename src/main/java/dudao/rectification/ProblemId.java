package dudao.rectification;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a problem; it stays the same through every cycle of rectification. In JSON, the bare number. */
public record ProblemId(@JsonValue long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
