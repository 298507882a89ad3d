package dudao;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application on real PostgreSQL: the embedded one by default, the external one when the build
 * passes {@code spring.datasource.url} (CI runs every test tagged "database" a second time against the machine's
 * PostgreSQL service). All such tests share one application context and database; each makes its own records or
 * reads the demo data, and none assumes it is alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Tag("database")
public @interface DudaoTest {}
