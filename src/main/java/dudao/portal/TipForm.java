package dudao.portal;

import dudao.clues.ActivityCategory;
import dudao.clues.NewClue;
import java.util.ArrayList;
import java.util.List;

/**
 * The tip form as the browser posts it: mostly choices, a few lines of text, and “不清楚” wherever the reporter does
 * not know. Anonymous unless the reporter chooses to give their name.
 */
record TipForm(
        String token,
        String challenge,
        String proof,
        Integer group,
        String region,
        Boolean named,
        String reporterName,
        String reporterPhone,
        String reporterAddress,
        List<String> reportedName,
        List<String> reportedDetail,
        ActivityCategory category,
        String place,
        String time,
        String description,
        String officials,
        List<String> officialName,
        List<String> officialDetail,
        NewClue.PeopleInvolved people,
        NewClue.Answer violence,
        NewClue.Answer weapons) {

    static final String UNKNOWN = "不清楚";
    static final List<String> TIMES = List.of("WEEK", "MONTH", "HALF_YEAR", "EARLIER", "ONGOING", "UNKNOWN");

    static TipForm blank(String token, String challenge, Integer group, String region) {
        // 不清楚 is chosen until the reporter chooses otherwise: an untouched question is not an answer.
        return new TipForm(
                token,
                challenge,
                null,
                group,
                region,
                false,
                null,
                null,
                null,
                List.of(),
                List.of(),
                ActivityCategory.UNKNOWN,
                null,
                "UNKNOWN",
                null,
                "NO",
                List.of(),
                List.of(),
                NewClue.PeopleInvolved.UNKNOWN,
                NewClue.Answer.UNKNOWN,
                NewClue.Answer.UNKNOWN);
    }

    /** The choices of the question how many people are involved, 不清楚 last. */
    public List<NewClue.PeopleInvolved> peopleChoices() {
        return List.of(NewClue.PeopleInvolved.values());
    }

    /** 是, 否, 不清楚. */
    public List<NewClue.Answer> answerChoices() {
        return List.of(NewClue.Answer.values());
    }

    /** Whether the reporter chose to give their name (anonymous otherwise). */
    public boolean namedChosen() {
        return Boolean.TRUE.equals(named);
    }

    PublicTip toTip(java.util.function.Function<String, String> label) {
        NewClue.Reporter reporter = Boolean.TRUE.equals(named)
                ? new NewClue.Reporter(trim(reporterName), trim(reporterPhone), null, trim(reporterAddress))
                : null;
        var timeText = time == null || !TIMES.contains(time) ? UNKNOWN : label.apply("portal.tip.time." + time);
        return new PublicTip(
                trim(region),
                group,
                reporter,
                people(reportedName, reportedDetail),
                new NewClue.Activity(
                        category == null ? ActivityCategory.UNKNOWN : category,
                        orUnknown(place),
                        timeText,
                        trim(description)),
                "YES".equals(officials) ? people(officialName, officialDetail) : List.of(),
                new NewClue.Circumstances(people, violence, weapons));
    }

    private static List<NewClue.Person> people(List<String> names, List<String> details) {
        var out = new ArrayList<NewClue.Person>();
        for (int i = 0; names != null && i < names.size(); i++) {
            var name = trim(names.get(i));
            var detail = details != null && i < details.size() ? trim(details.get(i)) : null;
            if (name != null || detail != null) {
                out.add(new NewClue.Person(name == null ? UNKNOWN : name, detail));
            }
        }
        return out;
    }

    private static String orUnknown(String text) {
        var trimmed = trim(text);
        return trimmed == null ? UNKNOWN : trimmed;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
