package dudao.directory;

/** The roles of BRIEF.md; a staff account has one. */
public enum Role {
    CITY_OFFICE,
    LEADER,
    GROUP_LEADER,
    GROUP_MEMBER,
    DISTRICT_OFFICE,
    UNIT_HANDLER,
    DISCIPLINE,
    AUDITOR;

    /** The Spring Security authority, {@code ROLE_CITY_OFFICE} and so on. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The city office, the leading group, the discipline commission and the auditors work for the whole city only. */
    public boolean cityLevel() {
        return this == CITY_OFFICE || this == LEADER || this == DISCIPLINE || this == AUDITOR;
    }

    public String messageKey() {
        return "role." + name();
    }
}
