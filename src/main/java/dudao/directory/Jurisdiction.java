package dudao.directory;

/**
 * The part of the region tree a person may see: a region and everything below it. Every query that returns records
 * takes one, so that scoping is visible at the call site. In SQL, a record is inside when its region's path starts
 * with {@link #pathPrefix()}.
 */
public record Jurisdiction(RegionCode root, String path) implements java.io.Serializable {

    public Jurisdiction {
        if (path == null || !path.startsWith("/") || !path.endsWith("/") || path.contains("%") || path.contains("_")) {
            throw new IllegalArgumentException("Not a region path: " + path);
        }
    }

    public static Jurisdiction of(Region region) {
        return new Jurisdiction(region.code(), region.path());
    }

    public static Jurisdiction wholeCity() {
        return new Jurisdiction(RegionCode.CITY, "/" + RegionCode.CITY.value() + "/");
    }

    /** The prefix for {@code path like ? || '%'}; it holds no wildcard characters. */
    public String pathPrefix() {
        return path;
    }

    /** A LIKE pattern matching every path inside. */
    public String likePattern() {
        return path + "%";
    }

    public boolean contains(Region region) {
        return region.path().startsWith(path);
    }

    public boolean contains(String regionPath) {
        return regionPath != null && regionPath.startsWith(path);
    }

    public boolean isWholeCity() {
        return root.equals(RegionCode.CITY);
    }
}
