package dudao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
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

    @Test
    void removesTheTagsFromAnMp3AndKeepsItsSound() throws Exception {
        var frames = mp3Frames(20);
        var tagged = new ByteArrayOutputStream();
        tagged.writeBytes(id3v2("TPE1", "Zhang San"));
        tagged.writeBytes(frames);
        tagged.writeBytes(id3v1("Li Si"));
        var stored = uploads.inspect("录音.mp3", tagged.toByteArray(), Set.of(Uploads.Kind.AUDIO), 10_000_000);
        assertThat(stored.mediaType()).isEqualTo("audio/mpeg");
        assertThat(latin1(stored.content())).doesNotContain("Zhang San", "Li Si", "ID3", "TAG");
        assertThat(stored.content()).isEqualTo(frames);
    }

    @Test
    void removesTheInfoChunksFromAWavRecording() throws Exception {
        var format = new AudioFormat(8000, 16, 1, true, false);
        var pcm = new byte[16_000];
        var plain = new ByteArrayOutputStream();
        AudioSystem.write(
                new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2),
                AudioFileFormat.Type.WAVE,
                plain);
        var wav = plain.toByteArray();
        var list = ByteBuffer.allocate(4 + 8 + 10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        list.put("INFO".getBytes(StandardCharsets.US_ASCII))
                .put("IART".getBytes(StandardCharsets.US_ASCII))
                .putInt(10)
                .put("Zhang San\0".getBytes(StandardCharsets.US_ASCII));
        var tagged = new ByteArrayOutputStream();
        tagged.write(wav, 0, 12);
        tagged.writeBytes("LIST".getBytes(StandardCharsets.US_ASCII));
        tagged.writeBytes(ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(list.capacity())
                .array());
        tagged.writeBytes(list.array());
        tagged.write(wav, 12, wav.length - 12);
        var stored = uploads.inspect("rec.wav", tagged.toByteArray(), Uploads.any(), 10_000_000);
        assertThat(stored.extension()).isEqualTo("wav");
        assertThat(latin1(stored.content())).doesNotContain("Zhang San").doesNotContain("LIST");
        var read = AudioSystem.getAudioInputStream(new ByteArrayInputStream(stored.content()));
        assertThat(read.getFrameLength()).isEqualTo(8000);
    }

    @Test
    void emptiesTheLocationAndTimesOfAnM4aRecordingKeepingItsLayout() throws Exception {
        var m4a = m4a("+29.2886+106.2509/", 0x5B000000);
        var stored = uploads.inspect("New Recording.m4a", m4a, Uploads.any(), 10_000_000);
        assertThat(stored.mediaType()).isEqualTo("audio/mp4");
        assertThat(stored.extension()).isEqualTo("m4a");
        assertThat(stored.content()).hasSameSizeAs(m4a);
        assertThat(latin1(stored.content())).doesNotContain("+29.2886").doesNotContain("udta");
        assertThat(latin1(stored.content())).contains("mdat", "SOUND");
        int mvhd = latin1(stored.content()).indexOf("mvhd");
        assertThat(ByteBuffer.wrap(stored.content(), mvhd + 8, 4).getInt()).isZero();
    }

    @Test
    void refusesOggRecordingsWithAClearMessage() {
        var ogg = new byte[200];
        System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, ogg, 0, 4);
        ogg[5] = 2;
        ogg[26] = 1;
        ogg[27] = 30;
        System.arraycopy("\u0001vorbis".getBytes(StandardCharsets.ISO_8859_1), 0, ogg, 28, 7);
        assertThatThrownBy(() -> uploads.inspect("a.ogg", ogg, Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.ogg");
    }

    @Test
    void removesCommentAuthorsPeopleAndPhotoExifFromAWordDocument() throws Exception {
        var docx = office(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "word/document.xml",
                Map.of(
                        "word/document.xml",
                        "<w:document xmlns:w=\"w\"><w:body><w:ins w:id=\"1\" w:author=\"Zhang San\""
                                + " w:date=\"2018-07-20T10:00:00Z\"><w:r><w:t>text</w:t></w:r></w:ins></w:body></w:document>",
                        "word/comments.xml",
                        "<w:comments xmlns:w=\"w\"><w:comment w:id=\"0\" w:author=\"Li Si\" w:initials=\"LS\""
                                + " w:date=\"2018-07-21T09:00:00Z\"><w:p/></w:comment></w:comments>",
                        "word/people.xml",
                        "<w15:people xmlns:w15=\"w15\"><w15:person w15:author=\"Li Si\"><w15:presenceInfo"
                                + " w15:providerId=\"AD\" w15:userId=\"lisi@example.cn\"/></w15:person></w15:people>",
                        "word/_rels/document.xml.rels",
                        "<Relationships><Relationship Id=\"rId9\" Type=\"http://schemas.microsoft.com/office/2011/"
                                + "relationships/people\" Target=\"people.xml\"/></Relationships>"),
                Map.of("word/media/image1.jpeg", TestFiles.withExifGps(TestFiles.jpeg())));
        var stored = uploads.inspect("report.bin", docx, Uploads.any(), 10_000_000);
        assertThat(stored.extension()).isEqualTo("docx");
        assertThat(stored.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var parts = unzip(stored.content());
        assertThat(parts).doesNotContainKey("word/people.xml");
        assertThat(parts.get("word/_rels/document.xml.rels")).doesNotContain("people.xml");
        assertThat(parts.get("[Content_Types].xml")).doesNotContain("people.xml");
        assertThat(parts.get("word/document.xml"))
                .contains("w:author=\"\"", "<w:t>text</w:t>")
                .doesNotContain("Zhang San", "2018-07-20");
        assertThat(parts.get("word/comments.xml"))
                .contains("w:author=\"\"", "w:initials=\"\"")
                .doesNotContain("Li Si", "\"LS\"", "2018-07-21");
        assertThat(parts.get("docProps/core.xml")).doesNotContain("Zhang San");
        var image = unzipBytes(stored.content()).get("word/media/image1.jpeg");
        assertThat(latin1(image)).doesNotContain("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(image)).getWidth()).isEqualTo(64);
    }

    @Test
    void removesCommentAuthorsFromSpreadsheetsAndPresentations() throws Exception {
        var xlsx = office(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "xl/workbook.xml",
                Map.of(
                        "xl/workbook.xml", "<workbook/>",
                        "xl/comments1.xml",
                                "<comments><authors><author>Zhang San</author></authors><commentList/></comments>",
                        "xl/persons/person.xml",
                                "<personList><person displayName=\"Zhang San\" id=\"{1}\" userId=\"zs@example.cn\""
                                        + " providerId=\"AD\"/></personList>"),
                Map.of());
        var stored = uploads.inspect("ledger.docx", xlsx, Uploads.any(), 10_000_000);
        assertThat(stored.extension()).isEqualTo("xlsx");
        assertThat(latin1(stored.content())).doesNotContain("Zhang San", "zs@example.cn");
        assertThat(unzip(stored.content()).get("xl/comments1.xml")).contains("<author></author>");

        var pptx = office(
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
                "ppt/presentation.xml",
                Map.of(
                        "ppt/presentation.xml",
                        "<p:presentation xmlns:p=\"p\"/>",
                        "ppt/commentAuthors.xml",
                        "<p:cmAuthorLst xmlns:p=\"p\"><p:cmAuthor id=\"0\" name=\"Zhang San\" initials=\"ZS\""
                                + " lastIdx=\"1\" clrIdx=\"0\"/></p:cmAuthorLst>"),
                Map.of());
        var slides = uploads.inspect("slides.pptx", pptx, Uploads.any(), 10_000_000);
        assertThat(slides.extension()).isEqualTo("pptx");
        assertThat(unzip(slides.content()).get("ppt/commentAuthors.xml"))
                .contains("name=\"\"", "initials=\"\"")
                .doesNotContain("Zhang San", "ZS");
    }

    @Test
    void refusesMacroEnabledDocumentsWhateverTheyAreCalled() throws Exception {
        var docm = office(
                "application/vnd.ms-word.document.macroEnabled.main+xml",
                "word/document.xml",
                Map.of("word/document.xml", "<w:document xmlns:w=\"w\"/>"),
                Map.of("word/vbaProject.bin", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> uploads.inspect("report.docx", docm, Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.macros");
        var hidden = office(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "xl/workbook.xml",
                Map.of("xl/workbook.xml", "<workbook/>"),
                Map.of("xl/vbaProject.bin", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> uploads.inspect("ledger.xlsx", hidden, Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.macros");
    }

    @Test
    void removesPageAndImageMetadataAndTheExifInsideAPdfsPhotos() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            var page = new PDPage();
            document.addPage(page);
            page.setMetadata(new PDMetadata(document, new ByteArrayInputStream(xmp("Page Author"))));
            var image = JPEGFactory.createFromByteArray(document, TestFiles.withExifGps(TestFiles.jpeg()));
            image.getCOSObject()
                    .setItem(COSName.METADATA, new PDMetadata(document, new ByteArrayInputStream(xmp("Image Author"))));
            try (var content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 10, 10);
            }
            document.save(out);
        }
        assertThat(latin1(out.toByteArray())).contains("Exif", "Page Author", "Image Author");
        var stored = uploads.inspect("scan.pdf", out.toByteArray(), Uploads.any(), 10_000_000);
        assertThat(latin1(stored.content())).doesNotContain("Exif", "Page Author", "Image Author");
        try (var cleaned = Loader.loadPDF(stored.content())) {
            var page = cleaned.getPage(0);
            assertThat(page.getMetadata()).isNull();
            var name = page.getResources().getXObjectNames().iterator().next();
            var image = (PDImageXObject) page.getResources().getXObject(name);
            assertThat(image.getMetadata()).isNull();
            assertThat(image.getImage().getWidth()).isEqualTo(64);
        }
    }

    @Test
    void refusesDamagedFilesAsDamaged() throws Exception {
        // Cut in the middle of its picture data: ImageIO alone would only warn and paint the rest grey.
        var photo = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var noise = new java.util.Random(7);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                photo.setRGB(x, y, noise.nextInt());
            }
        }
        var whole = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", whole);
        var truncated = java.util.Arrays.copyOf(whole.toByteArray(), whole.size() * 2 / 3);
        assertThatThrownBy(() -> uploads.inspect("cut.jpg", truncated, Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.damaged");

        var docx = office(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "word/document.xml",
                Map.of("word/document.xml", "<w:document xmlns:w=\"w\">" + "x".repeat(5000) + "</w:document>"),
                Map.of());
        var broken = docx.clone();
        int data = latin1(broken).indexOf("word/document.xml") + "word/document.xml".length();
        for (int i = data; i < data + 40; i++) {
            broken[i] = (byte) 0xFF;
        }
        assertThatThrownBy(() -> uploads.inspect("bad.docx", broken, Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.damaged");

        var pdf = "%PDF-1.7\n1 0 obj << /Type /Page /Contents 1 0 R\n%%EOF";
        assertThatThrownBy(() -> uploads.inspect(
                        "bad.pdf", pdf.getBytes(StandardCharsets.ISO_8859_1), Uploads.any(), 10_000_000))
                .isInstanceOf(BadInput.class)
                .hasMessage("upload.damaged");
    }

    /**
     * Every file cut short or with bytes overwritten is either stored or refused with a sentence: the libraries' own
     * exceptions (runtime ones included) never escape as a 500.
     */
    @Test
    void aMangledFileIsStoredOrRefusedNeverAnError() throws Exception {
        var pdf = new ByteArrayOutputStream();
        try (var document = new PDDocument()) {
            var page = new PDPage();
            document.addPage(page);
            var image = JPEGFactory.createFromByteArray(document, TestFiles.jpeg());
            try (var content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 10, 10);
            }
            document.save(pdf);
        }
        var samples = List.of(
                TestFiles.withExifGps(TestFiles.jpeg()),
                pngOf(TestFiles.jpeg()),
                pdf.toByteArray(),
                ooxml("<cp:coreProperties/>", 3000),
                mp3Frames(5),
                m4a("+29+106/", 1));
        var random = new java.util.Random(2018);
        int refused = 0;
        for (var sample : samples) {
            for (int n = 0; n < 150; n++) {
                var mangled = sample.clone();
                if (n % 3 == 0) {
                    mangled = java.util.Arrays.copyOf(mangled, 1 + random.nextInt(mangled.length));
                } else {
                    for (int k = 0; k < 1 + random.nextInt(8); k++) {
                        mangled[random.nextInt(mangled.length)] = (byte) random.nextInt(256);
                    }
                }
                try {
                    uploads.inspect("x", mangled, Uploads.any(), 10_000_000);
                } catch (BadInput expected) {
                    refused++;
                }
            }
        }
        assertThat(refused).isPositive();
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] pngOf(byte[] jpeg) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(ImageIO.read(new ByteArrayInputStream(jpeg)), "png", out);
        return out.toByteArray();
    }

    /** MPEG-1 layer III frames at 128 kbit/s and 44.1 kHz: 417 bytes each. */
    static byte[] mp3Frames(int count) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            var frame = new byte[417];
            frame[0] = (byte) 0xFF;
            frame[1] = (byte) 0xFB;
            frame[2] = (byte) 0x90;
            frame[3] = (byte) 0x64;
            frame[10] = (byte) i;
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    static byte[] id3v2(String frameId, String text) {
        var value = ("\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        var frame = ByteBuffer.allocate(10 + value.length);
        frame.put(frameId.getBytes(StandardCharsets.US_ASCII))
                .putInt(value.length)
                .putShort((short) 0)
                .put(value);
        int size = frame.capacity();
        var out = ByteBuffer.allocate(10 + size);
        out.put("ID3".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 3)
                .put((byte) 0)
                .put((byte) 0);
        out.put((byte) ((size >> 21) & 0x7F))
                .put((byte) ((size >> 14) & 0x7F))
                .put((byte) ((size >> 7) & 0x7F))
                .put((byte) (size & 0x7F));
        out.put(frame.array());
        return out.array();
    }

    static byte[] id3v1(String artist) {
        var tag = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, tag, 0, 3);
        var a = artist.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(a, 0, tag, 33, a.length);
        return tag;
    }

    /** An M4A as a phone's recorder writes it: ftyp, moov (mvhd, a track, udta with the place), then mdat. */
    static byte[] m4a(String place, int created) {
        var mvhd = box(
                "mvhd",
                ByteBuffer.allocate(100)
                        .putInt(0)
                        .putInt(created)
                        .putInt(created)
                        .array());
        var tkhd = box(
                "tkhd",
                ByteBuffer.allocate(84)
                        .putInt(0)
                        .putInt(created)
                        .putInt(created)
                        .array());
        var xyz = box("\u00a9xyz", ("\0\u0012\0\0" + place).getBytes(StandardCharsets.ISO_8859_1));
        var udta = box("udta", xyz);
        var trak = box("trak", tkhd);
        var moov = box("moov", concat(mvhd, trak, udta));
        var ftyp = box("ftyp", "M4A \0\0\0\0M4A mp42isom".getBytes(StandardCharsets.US_ASCII));
        var mdat = box("mdat", "SOUND-SAMPLES".getBytes(StandardCharsets.US_ASCII));
        return concat(ftyp, moov, mdat);
    }

    static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(payload)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] xmp(String creator) {
        return ("<?xpacket begin=\"\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/"
                        + "02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        + "<dc:creator>" + creator + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
                        + "<?xpacket end=\"w\"?>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An Office package whose content types name the main part's type, with properties naming Zhang San. */
    static byte[] office(String mainType, String mainPart, Map<String, String> xml, Map<String, byte[]> binary)
            throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/" + mainPart + "\" ContentType=\"" + mainType + "\"/>"
                            + "<Override PartName=\"/word/people.xml\" ContentType=\"application/vnd.openxmlformats-"
                            + "officedocument.wordprocessingml.people+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("docProps/core.xml"));
            zip.write("<cp:coreProperties><dc:creator>Zhang San</dc:creator></cp:coreProperties>"
                    .getBytes(StandardCharsets.UTF_8));
            for (var part : new java.util.TreeMap<>(xml).entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (var part : binary.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
            }
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> unzipBytes(byte[] zip) throws Exception {
        var parts = new java.util.LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    static Map<String, String> unzip(byte[] zip) throws Exception {
        var parts = new java.util.LinkedHashMap<String, String>();
        unzipBytes(zip).forEach((name, bytes) -> parts.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return parts;
    }

    static byte[] ooxml(String core, int filler) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd."
                            + "openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
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
