package dudao.rectification;

import dudao.directory.UnitId;

/** One unit answerable for a problem: the lead unit (牵头单位) or an assisting one (配合单位), with its own status. */
public record UnitAssignment(UnitId unit, boolean lead, UnitStatus status) {

    UnitAssignment with(UnitStatus next) {
        return new UnitAssignment(unit, lead, next);
    }
}
