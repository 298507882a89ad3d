package dudao.directory;

import dudao.platform.BadInput;
import java.util.regex.Pattern;

/** A region's code: GB/T 2260 for districts, numbered below them; digits and capitals only. */
public record RegionCode(
        @com.fasterxml.jackson.annotation.JsonValue String value) implements java.io.Serializable {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{2,20}");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new BadInput("region", "region.code.invalid");
        }
    }

    public static final RegionCode CITY = new RegionCode("500000");

    @Override
    public String toString() {
        return value;
    }
}
