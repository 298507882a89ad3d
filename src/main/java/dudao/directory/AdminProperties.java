package dudao.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first city-office administrator of a production start, created only when the directory is empty
 * ({@code DUDAO_ADMIN_USERNAME}, {@code DUDAO_ADMIN_PASSWORD}); this account must enrol its second factor.
 */
@ConfigurationProperties("dudao.admin")
record AdminProperties(String username, String password) {

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=***]";
    }
}
