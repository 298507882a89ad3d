package dudao.platform;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person ({@code me}, for the navigation) and the request id into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class CurrentActorAdvice {

    @ModelAttribute("requestId")
    String requestId(jakarta.servlet.http.HttpServletRequest request) {
        return RequestIdFilter.current(request);
    }

    @ModelAttribute("me")
    Actor me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor actor ? actor : null;
    }
}
