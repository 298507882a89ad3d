package dudao.bulletins;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A published daily bulletin as its reader sees it: the stored figures of the districts in the reader's jurisdiction,
 * the text rendered from them, who published it and when.
 *
 * @param number the document number (渝扫黑办通〔2018〕1号)
 */
public record PublishedBulletin(
        long id,
        long round,
        LocalDate date,
        String number,
        String title,
        List<String> paragraphs,
        List<String> practices,
        Overview figures,
        String template,
        String publishedBy,
        Instant publishedAt) {

    /** A line of the list of a round's bulletins. */
    public record Summary(
            long id, long round, LocalDate date, String number, String publishedBy, Instant publishedAt) {}

    /**
     * A figure that moved since publication: the published value and the value derived now from the records.
     *
     * @param line the district or group the figure is of, empty for the total
     */
    public record Change(String line, String figure, String label, Number published, Number live) {}
}
