package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The poster's QR code, read back by a QR reader, leads to the tip form of the group. */
class QrCodeTests {

    @Test
    void theSvgReadsBackAsTheAddressItEncodes() throws Exception {
        var url = "http://localhost:8080/public/tips/new?group=16";
        var svg = QrCode.svg(url);
        assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 ");

        var size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) .*", "$1"));
        var scale = 4;
        var pixels = new byte[size * scale * size * scale];
        java.util.Arrays.fill(pixels, (byte) 255);
        var module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
                }
            }
        }
        var source = new GreyImage(size * scale, pixels);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        assertThat(result.getText()).isEqualTo(url);
    }

    static final class GreyImage extends LuminanceSource {
        private final byte[] pixels;

        GreyImage(int side, byte[] pixels) {
            super(side, side);
            this.pixels = pixels;
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            var out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            System.arraycopy(pixels, y * getWidth(), out, 0, getWidth());
            return out;
        }

        @Override
        public byte[] getMatrix() {
            return pixels;
        }
    }
}
