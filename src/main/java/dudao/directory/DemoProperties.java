package dudao.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo accounts (and, in other modules, the demo campaign); on by default for the two-command
 *     start, off with {@code DUDAO_DEMO=false}
 * @param password the demo accounts' password ({@code DUDAO_DEMO_PASSWORD})
 */
@ConfigurationProperties("dudao.demo")
record DemoProperties(boolean enabled, String password) {}
