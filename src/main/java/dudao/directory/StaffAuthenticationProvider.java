package dudao.directory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Form sign-in: a right password yields either a complete sign-in (demo accounts) or one that still owes the second
 * factor. Every failure throws the same exception, which the login page shows as one generic sentence.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final SignIn signIn;

    StaffAuthenticationProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var username = authentication.getName();
        var password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        var row = signIn.checkPassword(username, password, "form")
                .orElseThrow(() -> new BadCredentialsException("signIn.failed"));
        if (row.needsSecondFactor()) {
            return SignIn.pending(row);
        }
        signIn.succeeded(row, "form");
        return SignIn.complete(row);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
