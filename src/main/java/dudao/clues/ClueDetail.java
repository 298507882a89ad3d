package dudao.clues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A clue's page: the row, the four blocks, the handling so far, the timeline and the steps open now. */
public record ClueDetail(
        ClueRow row,
        String place,
        String activityTime,
        String description,
        NewClue.Circumstances circumstances,
        List<NamedPerson> reported,
        List<NamedPerson> officials,
        String transferDepartment,
        String transferLetter,
        Integer timeLimitDays,
        Set<VerifyMethod> methods,
        String findings,
        String reviewComment,
        int sendBacks,
        LocalDate replyDue,
        Instant repliedAt,
        Instant closedAt,
        String studyConclusion,
        List<String> mergedHere,
        List<Event> timeline,
        List<Message> messages,
        List<String> openSteps) {

    public record NamedPerson(String name, String detail) {}

    public record Event(Instant at, String actor, String action, String note) {}

    public record Message(Instant at, String author, String body) {}
}
