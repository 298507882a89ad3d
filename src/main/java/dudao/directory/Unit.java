package dudao.directory;

/** A department or body that can be given work, at one place in the region tree. */
public record Unit(UnitId id, String name, String kind, RegionCode region, String regionName, String regionPath) {}
