package dudao.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the address the public reaches Dudao at, printed into posters and QR codes
 */
@ConfigurationProperties("dudao.portal")
record PortalProperties(String publicUrl) {

    PortalProperties {
        publicUrl =
                publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }
}
