package dudao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every label comes from the message bundles, in both languages: a key missing in one language, a key a template uses
 * that no bundle defines, or text typed into a template fails here.
 */
class MessageBundleTests {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9._-]*)[}(]");
    static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*)<");
    static final Pattern LETTERS = Pattern.compile("[\\p{IsHan}A-Za-z]");

    @Test
    void everyKeyExistsInChineseAndEnglish() throws IOException {
        try (Stream<Path> modules = Files.list(BUNDLES)) {
            for (var module : modules.toList()) {
                var chinese = load(module.resolve("messages.properties")).stringPropertyNames();
                var english = load(module.resolve("messages_en.properties")).stringPropertyNames();
                assertThat(english)
                        .as("English keys of %s", module.getFileName())
                        .containsExactlyInAnyOrderElementsOf(chinese);
            }
        }
    }

    /** A message with arguments goes through MessageFormat, where a lone apostrophe swallows what follows it. */
    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        var broken = new TreeSet<String>();
        try (Stream<Path> modules = Files.list(BUNDLES)) {
            for (var module : modules.toList()) {
                for (var file : List.of("messages.properties", "messages_en.properties")) {
                    var properties = load(module.resolve(file));
                    for (var key : properties.stringPropertyNames()) {
                        var text = properties.getProperty(key);
                        if (text.matches("(?s).*\\{\\d+[},].*")
                                && text.replace("''", "").contains("'")) {
                            broken.add(module.getFileName() + "/" + file + ": " + key);
                        }
                    }
                }
            }
        }
        assertThat(broken).as("messages with arguments and a single apostrophe").isEmpty();
    }

    @Test
    void everyKeyTemplatesNameIsDefined() throws IOException {
        var keys = allKeys();
        var missing = new TreeSet<String>();
        for (var template : templates()) {
            var matcher = LITERAL_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!keys.contains(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing)
                .as("message keys used in templates but defined in no bundle")
                .isEmpty();
    }

    @Test
    void templatesHoldNoTextOfTheirOwn() throws IOException {
        var offending = new ArrayList<String>();
        for (var template : templates()) {
            var html = Files.readString(template)
                    .replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<script[^>]*>.*?</script>", "<script></script>")
                    .replaceAll("(?s)<style[^>]*>.*?</style>", "<style></style>");
            var matcher = TEXT_NODE.matcher(html);
            while (matcher.find()) {
                var text = matcher.group(1).strip();
                if (!text.isEmpty() && LETTERS.matcher(text).find()) {
                    offending.add(TEMPLATES.relativize(template) + ": " + text);
                }
            }
        }
        assertThat(offending)
                .as("text typed into templates instead of th:text=\"#{…}\"")
                .isEmpty();
    }

    static Set<String> allKeys() throws IOException {
        var keys = new TreeSet<String>();
        try (Stream<Path> modules = Files.list(BUNDLES)) {
            for (var module : modules.toList()) {
                keys.addAll(load(module.resolve("messages.properties")).stringPropertyNames());
            }
        }
        return keys;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }

    static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
