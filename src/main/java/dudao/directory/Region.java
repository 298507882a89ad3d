package dudao.directory;

/** A node of the region tree. {@code path} lists the codes from the city down, e.g. {@code /500000/500116/}. */
public record Region(RegionCode code, RegionCode parent, String name, RegionLevel level, String path) {

    /** The code of the district-level unit this region lies in, or null for the city itself. */
    public RegionCode district() {
        var parts = path.split("/");
        return parts.length > 2 ? new RegionCode(parts[2]) : null;
    }
}
