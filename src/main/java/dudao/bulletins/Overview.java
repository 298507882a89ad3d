package dudao.bulletins;

import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's figures as the API answers them: the totals of the reader's jurisdiction with their definitions and
 * links, the district and group lines, and the warnings.
 *
 * @param scope the name of the reader's jurisdiction (重庆市, 江津区)
 */
public record Overview(
        long round,
        String roundName,
        LocalDate date,
        String scope,
        List<Figure> figures,
        List<Line> districts,
        List<Line> groups,
        List<Alert> warnings) {

    /**
     * One figure: its value for the day (absent for stocks such as overdue problems) and cumulated to the day.
     *
     * @param definition the definition (数据口径) in the reader's language; {@code definitionKey} is its message key
     * @param link the list page with the records behind the figure
     */
    public record Figure(
            String name,
            String label,
            Number today,
            Number cumulative,
            boolean rate,
            String definitionKey,
            String definition,
            String link) {}

    /** Something that needs attention: red (overdue) problems, overdue clues, groups that have not reported. */
    public record Alert(String kind, String message, long count, List<String> subjects, String link) {}

    public Figure figure(Measure m) {
        return figures.stream()
                .filter(f -> f.name().equals(m.key()))
                .findFirst()
                .orElse(null);
    }
}
