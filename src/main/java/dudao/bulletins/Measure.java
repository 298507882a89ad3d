package dudao.bulletins;

import java.util.Locale;

/**
 * A figure of the dashboard and the bulletin. Each has a name (the placeholder the bulletin text binds to), a
 * definition (数据口径, the message {@code bulletins.definition.<name>}) and the list page that shows the records behind
 * it. Counts add up over districts; rates are derived from the counts they divide, so a total is always the sum of
 * its lines.
 */
public enum Measure {
    GROUPS(Source.FIELDWORK, false, false),
    GROUPS_NOT_REPORTED(Source.FIELDWORK, false, false),
    DOCUMENTS(Source.FIELDWORK, true, false),
    RESIDENTS_DISTRICT(Source.FIELDWORK, true, false),
    QUESTIONNAIRES(Source.FIELDWORK, true, false),
    UNITS(Source.FIELDWORK, true, false),
    TALKS(Source.FIELDWORK, true, false),
    RESIDENTS_TOWNSHIPS(Source.FIELDWORK, true, false),
    TOWNSHIPS(Source.FIELDWORK, true, false),
    KEY_AREAS(Source.FIELDWORK, true, false),
    PROBLEMS_FOUND(Source.PROBLEMS, true, false),
    PROBLEMS_CLOSED(Source.PROBLEMS, true, false),
    PROBLEMS_RECTIFYING(Source.PROBLEMS, false, false),
    PROBLEMS_OVERDUE(Source.PROBLEMS, false, false),
    RECTIFICATION_RATE(Source.PROBLEMS, false, true),
    CLUES_RECEIVED(Source.CLUES, true, false),
    CLUES_IN_SCOPE(Source.CLUES, true, false),
    CLUES_VERIFIED_TRUE(Source.CLUES, true, false),
    CLUES_CASES(Source.CLUES, true, false),
    CLUES_CLOSED(Source.CLUES, true, false),
    CLUES_OVERDUE(Source.CLUES, false, false),
    CLUE_CLOSURE_RATE(Source.CLUES, false, true),
    SURVEY_RESPONDENTS(Source.SURVEY, true, false),
    SURVEY_KNOWS(Source.SURVEY, true, false),
    SURVEY_ANSWERED(Source.SURVEY, true, false),
    AWARENESS_RATE(Source.SURVEY, true, true),
    SURVEY_KNOWS_HOTLINE(Source.SURVEY, true, false),
    SURVEY_ANSWERED_HOTLINE(Source.SURVEY, true, false),
    HOTLINE_AWARENESS_RATE(Source.SURVEY, true, true),
    SURVEY_WOULD_REPORT(Source.SURVEY, true, false),
    SURVEY_ANSWERED_REPORT(Source.SURVEY, true, false),
    PARTICIPATION_RATE(Source.SURVEY, true, true);

    /** Where a figure comes from. */
    public enum Source {
        FIELDWORK,
        PROBLEMS,
        CLUES,
        SURVEY
    }

    private final Source source;
    private final boolean daily;
    private final boolean rate;

    Measure(Source source, boolean daily, boolean rate) {
        this.source = source;
        this.daily = daily;
        this.rate = rate;
    }

    public Source source() {
        return source;
    }

    /** Whether the figure has a value for the day alone (flows do; stocks such as overdue problems do not). */
    public boolean daily() {
        return daily;
    }

    /** A percentage with one decimal rather than a count. */
    public boolean rate() {
        return rate;
    }

    /** The name the bulletin text and the JSON use: {@code problemsFound}. */
    public String key() {
        var parts = name().toLowerCase(Locale.ROOT).split("_");
        var out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return out.toString();
    }

    public String definitionKey() {
        return "bulletins.definition." + key();
    }

    public String labelKey() {
        return "bulletins.measure." + key();
    }

    public static java.util.Optional<Measure> byKey(String key) {
        for (var m : values()) {
            if (m.key().equals(key)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    /** The list page with the records behind the figure, filtered to the round, the day and the district if any. */
    public String link(long round, java.time.LocalDate date, String district) {
        var region = district == null ? "" : "&region=" + district;
        return switch (source) {
            case FIELDWORK -> "/rounds/" + round + "/bulletin?date=" + date;
            case PROBLEMS ->
                "/problems?round=" + round + region
                        + switch (this) {
                            case PROBLEMS_CLOSED -> "&status=CLOSED";
                            case PROBLEMS_RECTIFYING -> "&status=RECTIFYING";
                            case PROBLEMS_OVERDUE -> "&overdue=true";
                            default -> "";
                        };
            case CLUES -> this == CLUES_OVERDUE ? "/clues?status=ASSIGNED" + region : "/clues/funnel?asOf=" + date;
            case SURVEY -> "/survey?round=" + round + "&date=" + date;
        };
    }
}
