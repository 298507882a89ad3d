package dudao.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Metadata removed from recordings, without re-encoding the sound. An MP3 keeps only its MPEG audio frames (ID3v1,
 * ID3v2, APE and Lyrics tags, which hold names, places, dates and pictures, are whatever lies outside them). A WAV
 * keeps its format and data chunks (LIST/INFO, bext with the originator and date, iXML and id3 chunks go). An M4A
 * keeps its layout byte for byte, so the sample offsets stay right, but its metadata boxes (udta with the ©xyz
 * location, meta, uuid such as XMP) are turned into free boxes of the same size with nothing in them, and the recording
 * times in the movie, track and media headers are zeroed. AMR files carry no metadata. Ogg files are refused: their
 * comment header would have to be rewritten page by page, and phones that record Ogg also offer M4A or MP3.
 */
final class AudioMetadata {

    private AudioMetadata() {}

    static byte[] strippedMp3(byte[] in) {
        int i = 0;
        if (in.length >= 10 && in[0] == 'I' && in[1] == 'D' && in[2] == '3') {
            int size = ((in[6] & 0x7F) << 21) | ((in[7] & 0x7F) << 14) | ((in[8] & 0x7F) << 7) | (in[9] & 0x7F);
            boolean footer = (in[5] & 0x10) != 0;
            i = 10 + size + (footer ? 10 : 0);
        }
        var out = new ByteArrayOutputStream(in.length);
        int frames = 0;
        while (i + 4 <= in.length) {
            int length = mpegFrameLength(in, i);
            if (length <= 0 || i + length > in.length) {
                if (frames > 0) {
                    break;
                }
                // Before the first frame a few stray bytes may stand; look for the first frame nearby.
                i++;
                if (i > 64 * 1024) {
                    break;
                }
                continue;
            }
            out.write(in, i, length);
            frames++;
            i += length;
        }
        if (frames == 0) {
            throw new BadInput("file", "upload.damaged");
        }
        return out.toByteArray();
    }

    private static final int[][] BITRATES = {
        // MPEG-1 layer I, II, III
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        // MPEG-2 and 2.5 layer I, then II and III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
    };

    private static final int[][] SAMPLE_RATES = {
        {11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}
    };

    /** The length of the MPEG audio frame starting at the offset, or 0 when no valid frame header is there. */
    static int mpegFrameLength(byte[] in, int at) {
        if ((in[at] & 0xFF) != 0xFF || (in[at + 1] & 0xE0) != 0xE0) {
            return 0;
        }
        int version = (in[at + 1] >> 3) & 0x03; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
        int layer = (in[at + 1] >> 1) & 0x03; // 3: layer I, 2: II, 1: III
        int bitrateIndex = (in[at + 2] >> 4) & 0x0F;
        int rateIndex = (in[at + 2] >> 2) & 0x03;
        int padding = (in[at + 2] >> 1) & 0x01;
        if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return 0;
        }
        int table = version == 3 ? 3 - layer : layer == 3 ? 3 : 4;
        int bitrate = BITRATES[table][bitrateIndex] * 1000;
        int rate = SAMPLE_RATES[version][rateIndex];
        if (layer == 3) {
            return (12 * bitrate / rate + padding) * 4;
        }
        int samples = layer == 1 && version != 3 ? 576 : 1152;
        return samples / 8 * bitrate / rate + padding;
    }

    static byte[] strippedWav(byte[] in) {
        var buffer = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        if (in.length < 12 || !ascii(in, 0, "RIFF") || !ascii(in, 8, "WAVE")) {
            throw new BadInput("file", "upload.damaged");
        }
        var body = new ByteArrayOutputStream(in.length);
        boolean format = false;
        boolean data = false;
        int i = 12;
        while (i + 8 <= in.length) {
            var id = new String(in, i, 4, StandardCharsets.US_ASCII);
            long size = buffer.getInt(i + 4) & 0xFFFFFFFFL;
            // A recorder that was stopped may leave the data chunk's size too large: the rest of the file is the data.
            long available = in.length - i - 8L;
            int length = (int) Math.min(size, available);
            if (id.equals("fmt ") || id.equals("data") || id.equals("fact")) {
                body.write(in, i, 4);
                body.writeBytes(ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(length)
                        .array());
                body.write(in, i + 8, length);
                if ((length & 1) == 1) {
                    body.write(0);
                }
                format |= id.equals("fmt ");
                data |= id.equals("data");
            }
            i += 8 + length + (length & 1);
        }
        if (!format || !data) {
            throw new BadInput("file", "upload.damaged");
        }
        var out = new ByteArrayOutputStream(body.size() + 12);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(body.size() + 4)
                .array());
        out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Boxes whose content is only ever metadata: the user data (with ©xyz, the place), meta, and uuid boxes (XMP). */
    private static final Set<String> MP4_METADATA = Set.of("udta", "meta", "uuid", "Xtra");

    /** Boxes that hold other boxes and are searched inside. */
    private static final Set<String> MP4_CONTAINERS =
            Set.of("moov", "trak", "mdia", "minf", "stbl", "edts", "moof", "traf");

    static byte[] strippedMp4(byte[] content) {
        var out = content.clone();
        if (out.length < 8 || !ascii(out, 4, "ftyp")) {
            throw new BadInput("file", "upload.damaged");
        }
        walk(out, 0, out.length, 0);
        return out;
    }

    private static void walk(byte[] b, int from, int to, int depth) {
        if (depth > 16) {
            throw new BadInput("file", "upload.damaged");
        }
        var buffer = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int i = from;
        while (i + 8 <= to) {
            long size = buffer.getInt(i) & 0xFFFFFFFFL;
            int header = 8;
            if (size == 1) {
                if (i + 16 > to) {
                    throw new BadInput("file", "upload.damaged");
                }
                size = buffer.getLong(i + 8);
                header = 16;
            } else if (size == 0) {
                size = to - i;
            }
            if (size < header || size > to - i) {
                throw new BadInput("file", "upload.damaged");
            }
            var type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            int end = i + (int) size;
            if (MP4_METADATA.contains(type)) {
                b[i + 4] = 'f';
                b[i + 5] = 'r';
                b[i + 6] = 'e';
                b[i + 7] = 'e';
                java.util.Arrays.fill(b, i + header, end, (byte) 0);
            } else if (type.equals("free") || type.equals("skip")) {
                // Space an editor left: it may still hold the metadata it once had.
                java.util.Arrays.fill(b, i + header, end, (byte) 0);
            } else if (MP4_CONTAINERS.contains(type)) {
                walk(b, i + header, end, depth + 1);
            } else if (type.equals("mvhd") || type.equals("tkhd") || type.equals("mdhd")) {
                // Version 0: 32-bit creation and modification times; version 1: 64-bit.
                int version = b[i + header] & 0xFF;
                int times = version == 1 ? 16 : 8;
                if (i + header + 4 + times <= end) {
                    java.util.Arrays.fill(b, i + header + 4, i + header + 4 + times, (byte) 0);
                }
            }
            i = end;
        }
    }

    private static boolean ascii(byte[] in, int at, String text) {
        return in.length >= at + text.length()
                && new String(in, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }
}
