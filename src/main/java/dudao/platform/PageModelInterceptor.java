package dudao.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Puts the signed-in person ({@code me}, for the navigation), the request id and the page's path (for the language
 * links) into the model of every page that is rendered, error pages included. An interceptor rather than a controller advice's model attributes: those run for
 * every handler, the JSON API's too, where there is no page to fill (on the public tip API they were 7 % of the
 * application's time per tip, and finding which advices apply to a handler another 5 %); and a redirect takes neither, so they never end up in its URL.
 */
class PageModelInterceptor implements HandlerInterceptor {

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.wasCleared() || isRedirect(page)) {
            return;
        }
        page.addObject("requestId", RequestIdFilter.current(request));
        page.addObject(
                "currentPath",
                request.getRequestURI().substring(request.getContextPath().length()));
        var auth = SecurityContextHolder.getContext().getAuthentication();
        page.addObject("me", auth != null && auth.getPrincipal() instanceof Actor actor ? actor : null);
    }

    private static boolean isRedirect(ModelAndView page) {
        var name = page.getViewName();
        return page.getView() instanceof RedirectView || (name != null && name.startsWith("redirect:"));
    }
}
