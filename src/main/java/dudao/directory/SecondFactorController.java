package dudao.directory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in: the authenticator code, or, on the first sign-in, enrolling an authenticator app.
 * The enrolment secret stays in the session until a code proves the app holds it.
 */
@Controller
@RequestMapping("/login/second-factor")
class SecondFactorController {

    private static final String ENROLLING = SecondFactorController.class.getName() + ".secret";
    private static final String ISSUER = "Dudao";

    private final SignIn signIn;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorController(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping
    String form(@AuthenticationPrincipal Staff pending, HttpSession session, Model model) {
        var row = signIn.load(pending.id().value()).orElseThrow();
        if (row.totpSecret() == null) {
            var secret = (String) session.getAttribute(ENROLLING);
            if (secret == null) {
                secret = Totp.newSecret();
                session.setAttribute(ENROLLING, secret);
            }
            model.addAttribute("enrolSecret", secret);
            model.addAttribute("enrolUri", Totp.uri(ISSUER, row.username(), secret));
        }
        return "directory/second-factor";
    }

    @PostMapping
    String verify(
            @AuthenticationPrincipal Staff pending,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpSession session) {
        var row = signIn.load(pending.id().value()).orElseThrow();
        var enrolling = (String) session.getAttribute(ENROLLING);
        var secret = row.totpSecret() != null ? row.totpSecret() : enrolling;
        if (secret == null || !signIn.checkSecondFactor(row, secret, code.trim(), "second factor")) {
            var fresh = signIn.load(row.id()).orElseThrow();
            if (fresh.lockedUntil() != null) {
                SecurityContextHolder.clearContext();
                session.invalidate();
                return "redirect:/login?error";
            }
            return "redirect:/login/second-factor?error";
        }
        if (row.totpSecret() == null) {
            signIn.enrol(row, enrolling);
            session.removeAttribute(ENROLLING);
        }
        signIn.succeeded(row, "form + second factor");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SignIn.complete(row));
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }
}
