package dudao.deadlines;

/** What a deadline belongs to, e.g. problem 42 or clue 7. */
public record Subject(String type, long id) {

    public Subject {
        if (type == null || !type.matches("[a-z]{1,32}")) {
            throw new IllegalArgumentException("Not a subject type: " + type);
        }
    }
}
