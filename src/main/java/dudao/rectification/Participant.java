package dudao.rectification;

import dudao.directory.StaffId;
import dudao.directory.UnitId;

/** The person making a transition, and the unit they act for (null for groups and offices). */
public record Participant(StaffId id, String name, UnitId unit) {}
