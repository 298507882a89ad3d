package dudao.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo accounts (and, in other modules, the demo campaign); on by default for the two-command
 *     start, off with {@code DUDAO_DEMO=false}
 * @param password the demo accounts' password ({@code DUDAO_DEMO_PASSWORD})
 */
@ConfigurationProperties("dudao.demo")
record DemoProperties(boolean enabled, String password) {

    /** The demo password the README and the start banner publish, whatever {@code DUDAO_DEMO_PASSWORD} says. */
    static final String PUBLISHED_PASSWORD = "Dudao-demo-2018";

    /** The passwords anybody may know: the published one and this installation's demo password. */
    java.util.Set<String> knownPasswords() {
        var known = new java.util.LinkedHashSet<String>();
        known.add(PUBLISHED_PASSWORD);
        if (password != null && !password.isBlank()) {
            known.add(password);
        }
        return known;
    }

    @Override
    public String toString() {
        return "DemoProperties[enabled=" + enabled + ", password=***]";
    }
}
