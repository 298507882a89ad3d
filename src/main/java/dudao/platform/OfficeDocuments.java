package dudao.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A Word, Excel or PowerPoint file (Office Open XML) made fit to store. Its kind comes from the package's own content
 * types, never the file name, and a package with macros (a VBA project, Excel 4 macro sheets, a macro-enabled main
 * part) is refused whatever it is called. The stored copy has empty document properties, no people list, blank
 * authors and initials on comments and tracked changes (and no dates on them), and its images without EXIF. The
 * archive's expanded size and number of entries are bounded (zip bombs).
 */
final class OfficeDocuments {

    private OfficeDocuments() {}

    /** The cleaned package and the type its content types declare. */
    record Cleaned(String mediaType, String extension, byte[] content) {}

    static final long MAX_EXPANDED = 100L * 1024 * 1024;
    static final int MAX_ENTRIES = 5_000;

    private static final String WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String POWERPOINT =
            "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    static final String EMPTY_CORE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"/>";
    static final String EMPTY_APP = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"/>";
    static final String EMPTY_CUSTOM = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\"/>";

    /** Who wrote a comment or a change, and who the people of threaded comments are. */
    private static final Pattern PERSON_ATTRIBUTES =
            Pattern.compile("(\\s(?:[A-Za-z0-9]+:)?(?:author|initials|userId|userName|providerId))=\"[^\"]*\"");

    /** When a comment or change was made (optional attributes: removed, not blanked). */
    private static final Pattern DATE_ATTRIBUTES = Pattern.compile("\\s(?:w:date|w16du:dateUtc)=\"[^\"]*\"");

    private static final Pattern EXCEL_AUTHOR = Pattern.compile("<author>[^<]*</author>");
    private static final Pattern DISPLAY_NAME = Pattern.compile("(\\sdisplayName)=\"[^\"]*\"");
    private static final Pattern NAME = Pattern.compile("(\\sname)=\"[^\"]*\"");
    private static final Pattern PEOPLE_RELATIONSHIP =
            Pattern.compile("<Relationship\\s[^>]*Target=\"people\\.xml\"[^>]*/>");
    private static final Pattern PEOPLE_OVERRIDE =
            Pattern.compile("<Override\\s[^>]*PartName=\"/word/people\\.xml\"[^>]*/>");

    static Cleaned clean(byte[] content) throws IOException {
        var parts = read(content);
        var types = parts.get("[Content_Types].xml");
        if (types == null) {
            // A zip archive, but no Office document.
            throw new BadInput("file", "upload.type");
        }
        var contentTypes = new String(types, StandardCharsets.UTF_8);
        refuseMacros(parts.keySet(), contentTypes);
        var kind = kind(contentTypes);
        var out = new ByteArrayOutputStream(content.length);
        try (var zip = new ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                var name = part.getKey();
                var cleaned = clean(name, part.getValue());
                if (cleaned != null) {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(cleaned);
                    zip.closeEntry();
                }
            }
        }
        return new Cleaned(
                kind, kind.equals(EXCEL) ? "xlsx" : kind.equals(POWERPOINT) ? "pptx" : "docx", out.toByteArray());
    }

    private static LinkedHashMap<String, byte[]> read(byte[] content) throws IOException {
        var parts = new LinkedHashMap<String, byte[]>();
        long expanded = 0;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            var buffer = new byte[8192];
            while ((entry = zip.getNextEntry()) != null) {
                if (parts.size() >= MAX_ENTRIES) {
                    throw new BadInput("file", "upload.tooLarge", MAX_EXPANDED / (1024 * 1024));
                }
                var part = new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    expanded += n;
                    if (expanded > MAX_EXPANDED) {
                        throw new BadInput("file", "upload.tooLarge", MAX_EXPANDED / (1024 * 1024));
                    }
                    part.write(buffer, 0, n);
                }
                if (parts.put(entry.getName(), part.toByteArray()) != null) {
                    // Two parts of one name: which one an application opens is anyone's guess.
                    throw new BadInput("file", "upload.damaged");
                }
            }
        }
        return parts;
    }

    private static void refuseMacros(java.util.Set<String> names, String contentTypes) {
        var lowerTypes = contentTypes.toLowerCase(Locale.ROOT);
        boolean macros = lowerTypes.contains("macroenabled")
                || lowerTypes.contains("vbaproject")
                || lowerTypes.contains("macrosheet")
                || names.stream()
                        .map(n -> n.toLowerCase(Locale.ROOT))
                        .anyMatch(n -> n.endsWith("vbaproject.bin")
                                || n.endsWith("vbadata.xml")
                                || n.contains("/macrosheets/"));
        if (macros) {
            throw new BadInput("file", "upload.macros");
        }
    }

    private static String kind(String contentTypes) {
        if (contentTypes.contains("\"" + WORD + ".main+xml\"")) {
            return WORD;
        }
        if (contentTypes.contains("\"" + EXCEL + ".main+xml\"")) {
            return EXCEL;
        }
        if (contentTypes.contains("\"" + POWERPOINT + ".main+xml\"")) {
            return POWERPOINT;
        }
        throw new BadInput("file", "upload.type");
    }

    /** The part as stored, or null for a part left out. */
    private static byte[] clean(String name, byte[] content) {
        var lower = name.toLowerCase(Locale.ROOT);
        switch (name) {
            case "docProps/core.xml" -> {
                return EMPTY_CORE.getBytes(StandardCharsets.UTF_8);
            }
            case "docProps/app.xml" -> {
                return EMPTY_APP.getBytes(StandardCharsets.UTF_8);
            }
            case "docProps/custom.xml" -> {
                return EMPTY_CUSTOM.getBytes(StandardCharsets.UTF_8);
            }
            case "word/people.xml" -> {
                return null;
            }
            default -> {
                // Fall through to the kinds of part below.
            }
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png")) {
            if (ImageMetadata.isJpeg(content)) {
                return ImageMetadata.strippedJpeg(content);
            }
            if (ImageMetadata.isPng(content)) {
                return ImageMetadata.strippedPng(content);
            }
            return content;
        }
        if (!lower.endsWith(".xml") && !lower.endsWith(".rels")) {
            return content;
        }
        var xml = new String(content, StandardCharsets.UTF_8);
        var cleaned = xml;
        if (name.equals("[Content_Types].xml")) {
            cleaned = PEOPLE_OVERRIDE.matcher(cleaned).replaceAll("");
        } else if (name.equals("word/_rels/document.xml.rels")) {
            cleaned = PEOPLE_RELATIONSHIP.matcher(cleaned).replaceAll("");
        } else if (lower.startsWith("word/") || lower.startsWith("xl/") || lower.startsWith("ppt/")) {
            cleaned = PERSON_ATTRIBUTES.matcher(cleaned).replaceAll("$1=\"\"");
            cleaned = DATE_ATTRIBUTES.matcher(cleaned).replaceAll("");
            if (lower.startsWith("xl/comments")) {
                cleaned = EXCEL_AUTHOR.matcher(cleaned).replaceAll("<author></author>");
            }
            if (lower.startsWith("xl/persons/")) {
                cleaned = DISPLAY_NAME.matcher(cleaned).replaceAll("$1=\"\"");
            }
            if (lower.equals("ppt/commentauthors.xml") || lower.equals("ppt/authors.xml")) {
                cleaned = NAME.matcher(cleaned).replaceAll("$1=\"\"");
            }
        }
        return cleaned.equals(xml) ? content : cleaned.getBytes(StandardCharsets.UTF_8);
    }
}
