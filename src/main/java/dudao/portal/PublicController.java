package dudao.portal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public pages about the groups: the list, each group's poster, its QR code and its caption for screens. */
@Controller
@RequestMapping("/public")
class PublicController {

    private final PublicGroups groups;
    private final PortalProperties properties;
    private final org.springframework.context.MessageSource messages;

    PublicController(
            PublicGroups groups, PortalProperties properties, org.springframework.context.MessageSource messages) {
        this.groups = groups;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping({"", "/"})
    String home(Model model) {
        model.addAttribute("round", groups.currentRound().orElse(null));
        model.addAttribute("groups", groups.current());
        return "portal/home";
    }

    @GetMapping("/groups/{number}/poster")
    String poster(@PathVariable int number, Model model) {
        var shown = groups.number(number);
        model.addAttribute("shown", shown);
        model.addAttribute("tipUrl", tipUrl(number));
        return "portal/poster";
    }

    @GetMapping(value = "/groups/{number}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable int number) {
        groups.number(number);
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .header("Cache-Control", "public, max-age=3600")
                .body(QrCode.svg(tipUrl(number)));
    }

    @GetMapping(value = "/groups/{number}/caption", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String caption(@PathVariable int number, java.util.Locale locale) {
        var g = groups.number(number).group();
        return messages.getMessage(
                "portal.caption",
                new Object[] {
                    g.number(),
                    g.regionName(),
                    g.postedFrom(),
                    g.postedUntil(),
                    g.hotline(),
                    g.mailbox(),
                    tipUrl(number)
                },
                locale);
    }

    private String tipUrl(int number) {
        return properties.publicUrl() + "/public/tips/new?group=" + number;
    }
}
