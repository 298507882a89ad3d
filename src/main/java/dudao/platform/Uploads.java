package dudao.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Checks an uploaded file and makes the copy Dudao stores: the type is read from the content, never the name (an
 * {@code .exe} renamed {@code .jpg} is refused). Photos are re-encoded, which drops EXIF (GPS position, camera, time);
 * they are turned upright first as their EXIF says. PDFs lose their document information, every XMP stream (the
 * catalog's, the pages', the images') and the EXIF inside their JPEG images. Office documents are recognised by their
 * content types, refused with macros, and lose their properties, people list, comment and revision authors and the
 * EXIF of their images ({@link OfficeDocuments}). Recordings lose their tags ({@link AudioMetadata}); Ogg is refused. A
 * file that the libraries cannot read, whatever they throw, is refused as damaged.
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

    /**
     * The largest photo accepted, by its declared size, before anything is decoded: 200 megapixels, the largest phone
     * camera mode sold (a 50 MP phone photo is about 8160 by 6144).
     */
    static final long MAX_PIXELS = 200_000_000L;

    /**
     * The most pixels decoded: 24 megapixels (6000 by 4000), about 72 MB of heap for a colour photo, where a 40 MP
     * photo decoded whole took 160 MB. A larger photo is decoded at a half or a third of its width and height (JPEG and
     * PNG readers subsample while decoding, so the full size is never held), which keeps every phone photo usable as
     * evidence: a 50 MP one is stored at 12.5 MP, a 200 MP one at 22.
     */
    static final long MAX_DECODED_PIXELS = 24_000_000L;

    static final long MAX_EXPANDED = OfficeDocuments.MAX_EXPANDED;

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
                case "audio/mpeg" -> {
                    require(allowed, Kind.AUDIO);
                    return new Checked(type, "mp3", name, AudioMetadata.strippedMp3(content));
                }
                case "audio/vnd.wave", "audio/x-wav", "audio/wav" -> {
                    require(allowed, Kind.AUDIO);
                    return new Checked("audio/wav", "wav", name, AudioMetadata.strippedWav(content));
                }
                case "audio/mp4", "audio/x-m4a" -> {
                    require(allowed, Kind.AUDIO);
                    return new Checked("audio/mp4", "m4a", name, AudioMetadata.strippedMp4(content));
                }
                case "audio/amr" -> {
                    require(allowed, Kind.AUDIO);
                    return new Checked(type, "amr", name, content);
                }
                case "audio/ogg", "audio/vorbis", "audio/opus", "application/ogg" -> {
                    require(allowed, Kind.AUDIO);
                    throw new BadInput("file", "upload.ogg");
                }
                case "application/x-tika-ooxml", "application/zip" -> {
                    require(allowed, Kind.OFFICE);
                    var cleaned = OfficeDocuments.clean(content);
                    return new Checked(cleaned.mediaType(), cleaned.extension(), name, cleaned.content());
                }
                default -> throw new BadInput("file", "upload.type");
            }
        } catch (UserFacingException refused) {
            throw refused;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // ImageIO, PDFBox and the zip reader throw what they like on a hostile file (IllegalArgumentException,
            // ArrayIndexOutOfBoundsException, ZipException, NegativeArraySizeException, deep recursion): all of it
            // means the file cannot be read, which the sender is told, never a 500.
            throw new BadInput("file", "upload.damaged");
        }
    }

    private static void require(Set<Kind> allowed, Kind kind) {
        if (!allowed.contains(kind)) {
            throw new BadInput("file", "upload.type");
        }
    }

    private static byte[] reencode(byte[] content, String format) throws IOException {
        boolean jpeg = "jpg".equals(format);
        // The file's structure is walked first: a truncated photo is refused (ImageIO would only warn and fill the
        // missing part with grey), and the decoder never sees the metadata segments.
        var source = jpeg ? ImageMetadata.strippedJpeg(content) : ImageMetadata.strippedPng(content);
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new BadInput("file", "upload.damaged");
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new BadInput("file", "upload.imageTooLarge");
                }
                var param = reader.getDefaultReadParam();
                int step = subsampling(width, height);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (jpeg) {
                    image = upright(image, ImageMetadata.jpegOrientation(content));
                    if (image.getColorModel().hasAlpha()) {
                        var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                        rgb.getGraphics().drawImage(image, 0, 0, null);
                        image = rgb;
                    }
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

    /** The smallest whole step that brings the decoded image within {@link #MAX_DECODED_PIXELS}. */
    static int subsampling(long width, long height) {
        int step = 1;
        while ((width / step) * (height / step) > MAX_DECODED_PIXELS) {
            step++;
        }
        return step;
    }

    /** The image turned as the EXIF orientation says (3: upside down, 6: turned left, 8: turned right). */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        int quarterTurns = switch (orientation) {
            case 3 -> 2;
            case 6 -> 1;
            case 8 -> 3;
            default -> 0;
        };
        if (quarterTurns == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = quarterTurns % 2 == 1;
        var turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        var transform = new java.awt.geom.AffineTransform();
        switch (quarterTurns) {
            case 1 -> {
                transform.translate(h, 0);
                transform.quadrantRotate(1);
            }
            case 2 -> {
                transform.translate(w, h);
                transform.quadrantRotate(2);
            }
            default -> {
                transform.translate(0, w);
                transform.quadrantRotate(3);
            }
        }
        var g = turned.createGraphics();
        g.drawImage(image, transform, null);
        g.dispose();
        return turned;
    }

    /**
     * The PDF without its document information and without any XMP: the catalog's, the pages', the images' and every
     * other object's (/Metadata), nor applications' private data (/PieceInfo). Images coded as JPEG (DCTDecode) lose
     * their EXIF inside the stream. The saved file is written anew from the objects in use, so an earlier revision's
     * metadata left behind by an incremental save is gone too.
     */
    private static byte[] cleanPdf(byte[] content) throws IOException {
        try (var document = Loader.loadPDF(content)) {
            if (document.isEncrypted()) {
                document.setAllSecurityToBeRemoved(true);
            }
            document.setDocumentInformation(new PDDocumentInformation());
            document.getDocumentCatalog().setMetadata(null);
            var cos = document.getDocument();
            for (var key : new java.util.ArrayList<>(cos.getXrefTable().keySet())) {
                var object = cos.getObjectFromPool(key).getObject();
                if (object instanceof COSDictionary dictionary) {
                    dictionary.removeItem(COSName.METADATA);
                    dictionary.removeItem(COSName.PIECE_INFO);
                    if (object instanceof COSStream stream && isJpegImage(stream)) {
                        stripJpegStream(stream);
                    }
                }
            }
            for (var page : document.getPages()) {
                page.setMetadata(null);
                page.getCOSObject().removeItem(COSName.PIECE_INFO);
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static boolean isJpegImage(COSStream stream) {
        var filter = stream.getDictionaryObject(COSName.FILTER);
        return COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
                && (COSName.DCT_DECODE.equals(filter)
                        || (filter instanceof COSArray filters
                                && filters.size() == 1
                                && COSName.DCT_DECODE.equals(filters.getObject(0))));
    }

    private static void stripJpegStream(COSStream stream) throws IOException {
        byte[] raw;
        try (var in = stream.createRawInputStream()) {
            raw = in.readAllBytes();
        }
        if (!ImageMetadata.isJpeg(raw)) {
            return;
        }
        var stripped = ImageMetadata.strippedJpeg(raw);
        try (var out = stream.createRawOutputStream()) {
            out.write(stripped);
        }
    }

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

    /** For tests: the set of every kind. */
    public static Set<Kind> any() {
        return Set.of(Kind.values());
    }
}
