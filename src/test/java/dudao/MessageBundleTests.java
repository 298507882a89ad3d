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
 * Every label comes from the message bundles, in both languages: a key missing in one language, a key a template or
 * the Java code names that a language lacks, or text typed into a template (between tags or in an attribute people
 * read or hear) fails here.
 */
class MessageBundleTests {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9._-]*)[}(]");
    static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*)<");
    static final Pattern LETTERS = Pattern.compile("[\\p{IsHan}A-Za-z]");
    static final Path SOURCES = Path.of("src/main/java");
    static final Pattern VALIDATION_MESSAGE = Pattern.compile("message\\s*=\\s*\"\\{([A-Za-z][A-Za-z0-9._-]*)}\"");
    /** A plain (not {@code th:}) attribute people read or hear. */
    static final Pattern TEXT_ATTRIBUTE = Pattern.compile(
            "(?<![:\\w-])(placeholder|title|aria-label|aria-description|alt|label)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    /** The caption of an input button, a plain {@code value}. */
    static final Pattern INPUT_CAPTION = Pattern.compile(
            "<input(?=[^>]*type=\"(?:submit|button|reset)\")[^>]*?(?<![:\\w-])value\\s*=\\s*\"([^\"]*)\"");

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
        var missing = new TreeSet<String>();
        for (var template : templates()) {
            var matcher = LITERAL_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                missing.addAll(undefined(TEMPLATES.relativize(template).toString(), matcher.group(1)));
            }
        }
        assertThat(missing)
                .as("message keys used in templates but missing in a language")
                .isEmpty();
    }

    /**
     * Keys the Java code names as literals: the refusals ({@code new BadInput(field, "key")}, {@code NotFound},
     * {@code WorkflowViolation}, the {@code super("key")} of other refusals), {@code getMessage("key", …)},
     * {@code reject("key")} and {@code rejectValue(field, "key")}, and Bean Validation's {@code message = "{key}"}.
     */
    @Test
    void everyKeyTheJavaCodeNamesIsDefined() throws IOException {
        var missing = new TreeSet<String>();
        int found = 0;
        for (var source : javaSources()) {
            var where = SOURCES.relativize(source).toString();
            var code = Files.readString(source);
            var keys = new ArrayList<String>();
            keys.addAll(literalArguments(code, "new\\s+(?:[\\w.]+\\.)?BadInput\\s*\\(", 1));
            keys.addAll(literalArguments(code, "new\\s+(?:[\\w.]+\\.)?(?:NotFound|WorkflowViolation)\\s*\\(", 0));
            keys.addAll(literalArguments(code, "\\.getMessage\\s*\\(", 0));
            keys.addAll(literalArguments(code, "\\.reject\\s*\\(", 0));
            keys.addAll(literalArguments(code, "\\.rejectValue\\s*\\(", 1));
            if (code.contains("extends UserFacingException")) {
                keys.addAll(literalArguments(code, "\\bsuper\\s*\\(", 0));
            }
            var validation = VALIDATION_MESSAGE.matcher(code);
            while (validation.find()) {
                keys.add(validation.group(1));
            }
            found += keys.size();
            for (var key : keys) {
                missing.addAll(undefined(where, key));
            }
        }
        assertThat(found).as("message keys found in the Java code").isPositive();
        assertThat(missing)
                .as("message keys named in Java but missing in a language")
                .isEmpty();
    }

    /** What a screen reader says or a mouse shows is a label too. */
    @Test
    void templatesHoldNoTextOfTheirOwnInAttributes() throws IOException {
        var offending = new ArrayList<String>();
        for (var template : templates()) {
            var html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            var matcher = TEXT_ATTRIBUTE.matcher(html);
            while (matcher.find()) {
                var value = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                if (LETTERS.matcher(value).find()) {
                    offending.add(TEMPLATES.relativize(template) + ": " + matcher.group(1) + "=" + value);
                }
            }
            var caption = INPUT_CAPTION.matcher(html);
            while (caption.find()) {
                if (LETTERS.matcher(caption.group(1)).find()) {
                    offending.add(TEMPLATES.relativize(template) + ": value=" + caption.group(1));
                }
            }
        }
        assertThat(offending)
                .as("text typed into attributes instead of th:placeholder/th:title/th:aria-label/th:alt=\"#{…}\"")
                .isEmpty();
    }

    /** Where the key is missing: the Chinese bundles, the English ones, or both. */
    static List<String> undefined(String where, String key) throws IOException {
        var missing = new ArrayList<String>();
        if (!keys("messages.properties").contains(key)) {
            missing.add(where + ": " + key + " (Chinese)");
        }
        if (!keys("messages_en.properties").contains(key)) {
            missing.add(where + ": " + key + " (English)");
        }
        return missing;
    }

    /** The string literals passed at the position of a call (a pattern up to its parenthesis), at every call. */
    static List<String> literalArguments(String code, String call, int position) {
        var literals = new ArrayList<String>();
        var calls = Pattern.compile(call).matcher(code);
        while (calls.find()) {
            var arguments = arguments(code, calls.end());
            if (arguments.size() > position) {
                var argument = arguments.get(position).strip();
                if (argument.matches("\"[A-Za-z][A-Za-z0-9._-]*\"")) {
                    literals.add(argument.substring(1, argument.length() - 1));
                }
            }
        }
        return literals;
    }

    /** The arguments of a call whose parenthesis opened just before {@code start}, split at its own commas. */
    static List<String> arguments(String code, int start) {
        var arguments = new ArrayList<String>();
        var current = new StringBuilder();
        int depth = 0;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < code.length() && code.charAt(end) != '"') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                current.append(code, i, Math.min(end + 1, code.length()));
                i = end;
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    arguments.add(current.toString());
                    return arguments;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return arguments;
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

    /** Every module's keys in one language ({@code messages.properties} Chinese, {@code messages_en.properties}). */
    static Set<String> keys(String file) throws IOException {
        var keys = new TreeSet<String>();
        try (Stream<Path> modules = Files.list(BUNDLES)) {
            for (var module : modules.toList()) {
                keys.addAll(load(module.resolve(file)).stringPropertyNames());
            }
        }
        return keys;
    }

    static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
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
