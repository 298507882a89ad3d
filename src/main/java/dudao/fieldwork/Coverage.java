package dudao.fieldwork;

/**
 * How much of its district a group has reached: townships, listed key areas, weak villages and case-handling
 * departments (公安, 检察院, 法院), each visited / there are; the percentage is of all of them together.
 */
public record Coverage(Part townships, Part listedAreas, Part weakVillages, Part departments) {

    public record Part(int visited, int total) {}

    public int visited() {
        return townships.visited() + listedAreas.visited() + weakVillages.visited() + departments.visited();
    }

    public int total() {
        return townships.total() + listedAreas.total() + weakVillages.total() + departments.total();
    }

    /** Rounded to a whole per cent; 0 when there is nothing to cover. */
    public int percent() {
        return total() == 0 ? 0 : (int) Math.round(100.0 * visited() / total());
    }
}
