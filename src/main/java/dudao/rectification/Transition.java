package dudao.rectification;

import dudao.directory.Role;
import dudao.directory.Staff;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The transitions as the API and the pages name them ({@code POST /api/v1/problems/{id}/{transition}}), with the
 * roles that may make each. The aggregate decides whether the problem's state allows it.
 */
public enum Transition {
    ASSIGN("assign", EnumSet.of(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER, Role.DISTRICT_OFFICE)),
    ACKNOWLEDGE("acknowledge", EnumSet.of(Role.UNIT_HANDLER)),
    FEEDBACK("feedback", EnumSet.of(Role.UNIT_HANDLER)),
    ACCEPT("accept", EnumSet.of(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER)),
    REJECT("reject", EnumSet.of(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER)),
    EXTEND("extend", EnumSet.of(Role.UNIT_HANDLER)),
    APPROVE_EXTENSION("approve-extension", EnumSet.of(Role.CITY_OFFICE, Role.GROUP_LEADER)),
    DECLINE_EXTENSION("decline-extension", EnumSet.of(Role.CITY_OFFICE, Role.GROUP_LEADER)),
    REOPEN("reopen", EnumSet.of(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER)),
    PASS_LOOK_BACK("pass-look-back", EnumSet.of(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER));

    /** Who may record a problem. */
    static final Set<Role> RECORDERS = EnumSet.of(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER);

    private final String path;
    private final Set<Role> roles;

    Transition(String path, Set<Role> roles) {
        this.path = path;
        this.roles = roles;
    }

    public String path() {
        return path;
    }

    public boolean allowedFor(Staff staff) {
        return roles.contains(staff.role());
    }

    /** Whether the problem's state offers this transition at all (the forms shown on its page). */
    public boolean offeredIn(ProblemView problem) {
        return switch (this) {
            case ASSIGN -> problem.status() == ProblemStatus.RECORDED;
            case ACKNOWLEDGE, EXTEND ->
                problem.status() == ProblemStatus.ASSIGNED || problem.status() == ProblemStatus.RECTIFYING;
            case FEEDBACK -> problem.status() == ProblemStatus.RECTIFYING || problem.status() == ProblemStatus.ASSIGNED;
            case ACCEPT, REJECT -> problem.status() == ProblemStatus.FEEDBACK_SUBMITTED;
            case APPROVE_EXTENSION, DECLINE_EXTENSION ->
                problem.pendingExtension() != null && problem.status().open();
            case REOPEN, PASS_LOOK_BACK -> problem.status() == ProblemStatus.CLOSED;
        };
    }

    public String messageKey() {
        return "problem.transition." + name();
    }

    public static Optional<Transition> byPath(String path) {
        for (var t : values()) {
            if (t.path.equals(path)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
