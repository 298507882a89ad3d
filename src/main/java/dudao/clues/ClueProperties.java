package dudao.clues;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the clues module.
 *
 * @param masterKey base64, at least 16 bytes: wraps each clue's data key and keys the blind indexes and receipt hashes.
 *     Empty with demo data on: one is generated into the data directory; otherwise the application refuses to start.
 * @param timeLimits working days a handling unit has, per triage scope (GANG, EVIL)
 * @param defaultTimeLimit working days when no scope-specific limit is set
 * @param replyDays calendar days within which a reporter who left contact must be answered (the 12337 30-day rule)
 * @param holidays public holidays on which no working day is counted, in addition to weekends
 * @param workdays weekend days that are working days (调休)
 * @param similarity pg_trgm similarity of the descriptions' character pairs from which a clue counts as a likely
 *     duplicate
 * @param candidateSimilarity pg_trgm similarity of the raw descriptions from which a clue of the same district closed
 *     as untrue is looked at when a tip may be reported again (lower: more recall, more work); likely duplicates are
 *     found through MinHash bands instead (ADR 0003)
 */
@ConfigurationProperties("dudao.clues")
record ClueProperties(
        String masterKey,
        Map<Scope, Integer> timeLimits,
        Integer defaultTimeLimit,
        Integer replyDays,
        List<LocalDate> holidays,
        List<LocalDate> workdays,
        Double similarity,
        Double candidateSimilarity) {

    ClueProperties {
        timeLimits = timeLimits == null ? Map.of(Scope.GANG, 30, Scope.EVIL, 20) : Map.copyOf(timeLimits);
        defaultTimeLimit = defaultTimeLimit == null ? 15 : defaultTimeLimit;
        replyDays = replyDays == null ? 30 : replyDays;
        holidays = holidays == null ? ChinaHolidays.HOLIDAYS : List.copyOf(holidays);
        workdays = workdays == null ? ChinaHolidays.WORKDAYS : List.copyOf(workdays);
        similarity = similarity == null ? 0.2 : similarity;
        candidateSimilarity = candidateSimilarity == null ? 0.1 : candidateSimilarity;
    }

    int timeLimitFor(Scope scope) {
        return scope == null ? defaultTimeLimit : timeLimits.getOrDefault(scope, defaultTimeLimit);
    }
}
