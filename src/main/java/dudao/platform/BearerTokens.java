package dudao.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Turns an API bearer token into the authentication of the person it was issued to. */
public interface BearerTokens {

    Optional<Authentication> authenticate(String token);
}
