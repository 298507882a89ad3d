package dudao.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/tokens}: the integration sign-in. Wrong credentials of any kind answer one generic 401. */
@RestController
class TokenApiController {

    private final SignIn signIn;
    private final ApiTokens tokens;

    TokenApiController(SignIn signIn, ApiTokens tokens) {
        this.signIn = signIn;
        this.tokens = tokens;
    }

    record TokenRequest(
            @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.tooLong}")
            String username,

            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
            String password,

            @Size(max = 10, message = "{validation.tooLong}")
            String totp) {

        /** Never the password or the code: Spring logs request bodies this way at DEBUG. */
        @Override
        public String toString() {
            return "TokenRequest[username=" + username + ", password=***, totp=***]";
        }
    }

    record TokenResponse(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "TokenResponse[token=***, expiresAt=" + expiresAt + "]";
        }
    }

    @PostMapping("/api/v1/tokens")
    ResponseEntity<TokenResponse> issue(@Valid @RequestBody TokenRequest request) {
        var row = signIn.checkPassword(request.username(), request.password(), "api")
                .orElseThrow(SignInRefused::new);
        if (row.needsSecondFactor()
                && (row.totpSecret() == null
                        || request.totp() == null
                        || !signIn.checkSecondFactor(
                                row, row.totpSecret(), request.totp().trim(), "api"))) {
            throw new SignInRefused();
        }
        signIn.succeeded(row, "api");
        var issued = tokens.issue(row);
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.token(), issued.expiresAt()));
    }

    /** The one answer to every failed API sign-in. */
    static final class SignInRefused extends dudao.platform.UserFacingException {
        SignInRefused() {
            super("signIn.failed");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNAUTHORIZED;
        }
    }
}
