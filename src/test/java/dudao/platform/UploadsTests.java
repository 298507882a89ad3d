package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.TestFiles;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

class UploadsTests {

    final Uploads uploads = new Uploads();

    @Test
    void removesTheGpsPositionFromAPhoto() throws Exception {
        var photo = TestFiles.withExifGps(TestFiles.jpeg());
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif");
        var stored = uploads.inspect("IMG_0001.jpg", photo, Set.of(Uploads.Kind.IMAGE), 10_000_000);
        assertThat(stored.mediaType()).isEqualTo("image/jpeg");
        assertThat(new String(stored.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored.content()))
                        .getWidth())
                .isEqualTo(64);
    }

    @Test
    void refusesAProgramRenamedAsAPhoto() {
        var exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        ByteBuffer.wrap(exe, 0x3c, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x80);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        assertThatThrownBy(() -> uploads.inspect("photo.jpg", exe, Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.type");
    }

    @Test
    void refusesAKindTheCallerDoesNotAccept() throws Exception {
        assertThatThrownBy(() -> uploads.inspect("a.jpg", TestFiles.jpeg(), Set.of(Uploads.Kind.PDF), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.type");
    }

    @Test
    void refusesAFileOverTheLimitAndAnEmptyOne() throws Exception {
        assertThatThrownBy(() -> uploads.inspect("a.jpg", TestFiles.jpeg(), Uploads.any(), 10))
                .hasMessage("upload.tooLarge");
        assertThatThrownBy(() -> uploads.inspect("a.jpg", new byte[0], Uploads.any(), 10))
                .hasMessage("upload.empty");
    }

    @Test
    void removesTheAuthorFromAPdf() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setAuthor("Zhang San");
            document.getDocumentInformation().setCreator("Scanner 3000");
            document.save(out);
        }
        var stored = uploads.inspect("letter.pdf", out.toByteArray(), Uploads.any(), 10_000_000);
        try (var cleaned = Loader.loadPDF(stored.content())) {
            assertThat(cleaned.getDocumentInformation().getAuthor()).isNull();
            assertThat(cleaned.getDocumentInformation().getCreator()).isNull();
            assertThat(cleaned.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void removesTheAuthorFromAnOfficeDocument() throws Exception {
        var docx = ooxml("<cp:coreProperties><dc:creator>Zhang San</dc:creator></cp:coreProperties>", 10);
        var stored = uploads.inspect("report.docx", docx, Uploads.any(), 10_000_000);
        assertThat(stored.extension()).isEqualTo("docx");
        assertThat(new String(stored.content(), StandardCharsets.ISO_8859_1)).doesNotContain("Zhang San");
    }

    @Test
    void refusesAZipBomb() throws Exception {
        var bomb = ooxml("<cp:coreProperties/>", 120 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1_000_000);
        assertThatThrownBy(() -> uploads.inspect("bomb.docx", bomb, Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.tooLarge");
    }

    @Test
    void refusesAnImageThatWouldExpandBeyondReasonBeforeDecodingIt() {
        assertThatThrownBy(() -> uploads.inspect("huge.png", pngHeader(50_000, 50_000), Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.imageTooLarge");
    }

    @Test
    void keepsNoPathFromTheNameItWasSentWith() {
        assertThat(Uploads.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.safeName("C:\\Users\\x\\证据.jpg")).isEqualTo("证据.jpg");
        assertThat(Uploads.safeName("..")).isEqualTo("file");
        assertThat(Uploads.safeName(null)).isEqualTo("file");
    }

    static byte[] ooxml(String core, int filler) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("docProps/core.xml"));
            zip.write(core.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            var zeros = new byte[1024 * 1024];
            for (int written = 0; written < filler; written += zeros.length) {
                zip.write(zeros, 0, Math.min(zeros.length, filler - written));
            }
        }
        return out.toByteArray();
    }

    static byte[] pngHeader(int width, int height) {
        var ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        var crc = new CRC32();
        crc.update(ihdr.array());
        var out = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        out.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        out.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return out.array();
    }
}
