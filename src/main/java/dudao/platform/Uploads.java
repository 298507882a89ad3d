package dudao.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded file and makes the copy Dudao stores: the type is read from the content, never the name (an
 * {@code .exe} renamed {@code .jpg} is refused); images are re-encoded, which drops EXIF (GPS position, camera, time)
 * and refuses decompression bombs by their declared size; PDFs lose their author and XMP metadata; Office documents
 * lose their document properties, with the archive's expanded size bounded (zip bombs). Audio is kept as sent.
 */
@Component
public class Uploads {

    /** What a caller accepts. */
    public enum Kind {
        IMAGE,
        PDF,
        AUDIO,
        OFFICE
    }

    /** A checked file: its real type, a safe display name, and the content to store. */
    public record Checked(String mediaType, String extension, String name, byte[] content) {}

    static final long MAX_PIXELS = 40_000_000L;
    static final long MAX_EXPANDED = 100L * 1024 * 1024;
    static final int MAX_ENTRIES = 5_000;

    private static final Tika TIKA = new Tika();

    public Checked inspect(String originalName, byte[] content, Set<Kind> allowed, long maxBytes) {
        if (content == null || content.length == 0) {
            throw new BadInput("file", "upload.empty");
        }
        if (content.length > maxBytes) {
            throw new BadInput("file", "upload.tooLarge", maxBytes / (1024 * 1024));
        }
        var type = TIKA.detect(content);
        var name = safeName(originalName);
        try {
            switch (type) {
                case "image/jpeg" -> {
                    require(allowed, Kind.IMAGE);
                    return new Checked(type, "jpg", name, reencode(content, "jpg"));
                }
                case "image/png" -> {
                    require(allowed, Kind.IMAGE);
                    return new Checked(type, "png", name, reencode(content, "png"));
                }
                case "application/pdf" -> {
                    require(allowed, Kind.PDF);
                    return new Checked(type, "pdf", name, cleanPdf(content));
                }
                case "audio/mpeg",
                        "audio/vnd.wave",
                        "audio/x-wav",
                        "audio/wav",
                        "audio/mp4",
                        "audio/amr",
                        "audio/ogg",
                        "audio/x-m4a" -> {
                    require(allowed, Kind.AUDIO);
                    return new Checked(type, extension(type), name, content);
                }
                case "application/x-tika-ooxml" -> {
                    require(allowed, Kind.OFFICE);
                    var cleaned = cleanOoxml(content);
                    return new Checked(officeType(name), officeExtension(name), name, cleaned);
                }
                default -> throw new BadInput("file", "upload.type");
            }
        } catch (IOException e) {
            throw new BadInput("file", "upload.damaged");
        }
    }

    private static void require(Set<Kind> allowed, Kind kind) {
        if (!allowed.contains(kind)) {
            throw new BadInput("file", "upload.type");
        }
    }

    private static byte[] reencode(byte[] content, String format) throws IOException {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new BadInput("file", "upload.damaged");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new BadInput("file", "upload.imageTooLarge");
                }
                BufferedImage image = reader.read(0);
                if ("jpg".equals(format) && image.getColorModel().hasAlpha()) {
                    var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                    rgb.getGraphics().drawImage(image, 0, 0, null);
                    image = rgb;
                }
                var out = new ByteArrayOutputStream();
                if (!ImageIO.write(image, format, out)) {
                    throw new BadInput("file", "upload.damaged");
                }
                return out.toByteArray();
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] cleanPdf(byte[] content) throws IOException {
        try (var document = Loader.loadPDF(content)) {
            document.setDocumentInformation(new PDDocumentInformation());
            document.getDocumentCatalog().setMetadata(null);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Rewrites the archive with empty document properties, refusing archives that expand beyond the bounds. */
    private static byte[] cleanOoxml(byte[] content) throws IOException {
        var out = new ByteArrayOutputStream();
        long expanded = 0;
        int entries = 0;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content));
                var rewritten = new ZipOutputStream(out)) {
            ZipEntry entry;
            var buffer = new byte[8192];
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new BadInput("file", "upload.tooLarge", MAX_EXPANDED / (1024 * 1024));
                }
                var name = entry.getName();
                rewritten.putNextEntry(new ZipEntry(name));
                if (name.equals("docProps/core.xml")) {
                    rewritten.write(EMPTY_CORE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.transferTo(java.io.OutputStream.nullOutputStream());
                } else if (name.equals("docProps/app.xml") || name.equals("docProps/custom.xml")) {
                    rewritten.write(EMPTY_APP.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    zip.transferTo(java.io.OutputStream.nullOutputStream());
                } else {
                    int n;
                    while ((n = zip.read(buffer)) > 0) {
                        expanded += n;
                        if (expanded > MAX_EXPANDED) {
                            throw new BadInput("file", "upload.tooLarge", MAX_EXPANDED / (1024 * 1024));
                        }
                        rewritten.write(buffer, 0, n);
                    }
                }
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static final String EMPTY_CORE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"/>";
    static final String EMPTY_APP = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"/>";

    static String safeName(String original) {
        if (original == null) {
            return "file";
        }
        var base = original.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}<>:\"|?*]", "")
                .strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "file";
        }
        return base.length() > 100 ? base.substring(base.length() - 100) : base;
    }

    private static String extension(String type) {
        return switch (type) {
            case "audio/mpeg" -> "mp3";
            case "audio/mp4", "audio/x-m4a" -> "m4a";
            case "audio/amr" -> "amr";
            case "audio/ogg" -> "ogg";
            default -> "wav";
        };
    }

    private static String officeExtension(String name) {
        var lower = name.toLowerCase();
        return lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".pptx") ? "pptx" : "docx";
    }

    private static String officeType(String name) {
        return switch (officeExtension(name)) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            default -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        };
    }

    /** For tests: the set of every kind. */
    public static Set<Kind> any() {
        return Set.of(Kind.values());
    }
}
