package dudao.platform;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final List<HomeSection> sections;

    HomeController(List<HomeSection> sections) {
        this.sections = sections;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Actor me, Model model) {
        record Shown(String titleKey, List<HomeSection.Item> items) {}
        model.addAttribute(
                "sections",
                sections.stream()
                        .map(s -> new Shown(s.titleKey(), s.itemsFor(me)))
                        .filter(s -> !s.items().isEmpty())
                        .toList());
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
