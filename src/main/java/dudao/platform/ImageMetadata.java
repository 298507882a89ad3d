package dudao.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Metadata removed from JPEG and PNG files without decoding their pixels: what images embedded in Office documents
 * and PDFs get (decoding each would cost memory for nothing, and a CMYK JPEG could not be decoded at all). A JPEG
 * keeps only its coding segments (quantisation and Huffman tables, frame, scan, restart intervals) and its colour
 * profile; application segments (APP1 Exif and XMP with the GPS position, camera and time, APP13 IPTC) and comments
 * go. A PNG keeps its critical chunks and those describing colour; text, EXIF and time chunks go. A file that does not
 * follow the format is refused as damaged.
 */
final class ImageMetadata {

    private ImageMetadata() {}

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    static boolean isPng(byte[] b) {
        return b.length > 8 && Arrays.equals(Arrays.copyOf(b, 8), PNG_SIGNATURE);
    }

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};

    /** PNG chunks that say nothing about who, where or when: the image and how to show its colours. */
    private static final Set<String> PNG_KEPT =
            Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs");

    static byte[] strippedJpeg(byte[] in) {
        var out = new ByteArrayOutputStream(in.length);
        out.write(0xFF);
        out.write(0xD8);
        int i = 2;
        while (true) {
            if (i + 2 > in.length || (in[i] & 0xFF) != 0xFF) {
                throw damaged();
            }
            int marker = in[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD9) {
                out.write(0xFF);
                out.write(0xD9);
                return out.toByteArray();
            }
            if (i + 4 > in.length) {
                throw damaged();
            }
            int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > in.length) {
                throw damaged();
            }
            boolean application = marker >= 0xE0 && marker <= 0xEF;
            boolean keep = !(application || marker == 0xFE)
                    // APP2 ICC_PROFILE: the colours, nothing personal; APP14 Adobe: how to read CMYK; APP0 JFIF.
                    || (marker == 0xE2 && startsWith(in, i + 4, "ICC_PROFILE"))
                    || marker == 0xEE
                    || (marker == 0xE0 && startsWith(in, i + 4, "JFIF"));
            if (keep) {
                out.write(in, i, 2 + length);
            }
            i += 2 + length;
            if (marker == 0xDA) {
                // Entropy-coded data up to the next marker that is neither a stuffed zero nor a restart marker.
                int start = i;
                while (i + 1 < in.length) {
                    if ((in[i] & 0xFF) == 0xFF) {
                        int next = in[i + 1] & 0xFF;
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) {
                            break;
                        }
                    }
                    i++;
                }
                if (i + 1 >= in.length) {
                    throw damaged();
                }
                out.write(in, start, i - start);
            }
        }
    }

    static byte[] strippedPng(byte[] in) {
        var out = new ByteArrayOutputStream(in.length);
        out.writeBytes(PNG_SIGNATURE);
        var buffer = ByteBuffer.wrap(in).order(ByteOrder.BIG_ENDIAN);
        int i = 8;
        while (true) {
            if (i + 12 > in.length) {
                throw damaged();
            }
            long length = buffer.getInt(i) & 0xFFFFFFFFL;
            if (length > in.length - i - 12L) {
                throw damaged();
            }
            var type = new String(in, i + 4, 4, StandardCharsets.US_ASCII);
            if (PNG_KEPT.contains(type)) {
                out.write(in, i, (int) length + 12);
            }
            i += (int) length + 12;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    /**
     * The EXIF orientation of a JPEG (1 to 8; 1 when none): phones store the sensor's landscape pixels and say in EXIF
     * how to turn them, so a re-encoded copy without EXIF must be turned itself.
     */
    static int jpegOrientation(byte[] in) {
        int i = 2;
        while (i + 4 <= in.length && (in[i] & 0xFF) == 0xFF) {
            int marker = in[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > in.length) {
                return 1;
            }
            if (marker == 0xE1 && startsWith(in, i + 4, "Exif\0\0")) {
                return tiffOrientation(ByteBuffer.wrap(in, i + 10, length - 8).slice());
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int tiffOrientation(ByteBuffer tiff) {
        try {
            if (tiff.limit() < 8) {
                return 1;
            }
            tiff.order(tiff.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int ifd = tiff.getInt(4);
            int entries = tiff.getShort(ifd) & 0xFFFF;
            for (int e = 0; e < entries; e++) {
                int at = ifd + 2 + 12 * e;
                if ((tiff.getShort(at) & 0xFFFF) == 0x0112) {
                    int value = tiff.getShort(at + 8) & 0xFFFF;
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
        } catch (IndexOutOfBoundsException e) {
            // A broken EXIF block: the picture is shown as stored.
        }
        return 1;
    }

    private static boolean startsWith(byte[] in, int at, String prefix) {
        var p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (at + p.length > in.length) {
            return false;
        }
        for (int k = 0; k < p.length; k++) {
            if (in[at + k] != p[k]) {
                return false;
            }
        }
        return true;
    }

    private static BadInput damaged() {
        return new BadInput("file", "upload.damaged");
    }
}
