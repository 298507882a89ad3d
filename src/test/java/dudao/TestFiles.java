package dudao;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Files for upload tests: a small photo, and the same photo carrying a GPS position in its EXIF data. */
public final class TestFiles {

    private TestFiles() {}

    public static byte[] jpeg() throws Exception {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, 20, 20);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** Inserts an APP1 Exif segment with a GPS IFD (latitude 29°N) right after the JPEG's start marker. */
    public static byte[] withExifGps(byte[] jpeg) {
        var tiff = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
        tiff.putShort((short) 1)
                .putShort((short) 0x8825)
                .putShort((short) 4)
                .putInt(1)
                .putInt(26)
                .putInt(0);
        tiff.putShort((short) 1)
                .putShort((short) 1)
                .putShort((short) 2)
                .putInt(2)
                .put(new byte[] {'N', 0, 0, 0})
                .putInt(0);
        var body = new ByteArrayOutputStream();
        body.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        body.write(tiff.array(), 0, tiff.position());
        var segment = body.toByteArray();
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((segment.length + 2) >> 8);
        out.write((segment.length + 2) & 0xFF);
        out.writeBytes(segment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
