package dudao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo is built once: the start-up runners of a restart on the same database add nothing. */
@DudaoTest
class DemoSeedsTests {

    @Autowired
    ObjectProvider<ApplicationRunner> runners;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondStartAddsNoDemoData() throws Exception {
        var before = rowCounts();
        assertThat(before).containsKeys("staff", "campaign", "problem", "clue");
        assertThat(before.get("problem")).isPositive();
        var startUp = runners.orderedStream().toList();
        assertThat(startUp).isNotEmpty();
        for (var runner : startUp) {
            runner.run(new DefaultApplicationArguments());
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Rows of every table but the audit trail, the migration history and what background work keeps changing. */
    Map<String, Long> rowCounts() {
        var counts = new TreeMap<String, Long>();
        for (var table : jdbc.queryForList("""
                select tablename from pg_tables where schemaname = current_schema()
                  and tablename not like 'audit\\_%' and tablename not like 'flyway\\_%'
                  and tablename not like 'spring\\_session%' and tablename <> 'scheduled_tasks'
                """, String.class)) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
