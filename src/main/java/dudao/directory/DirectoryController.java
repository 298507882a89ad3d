package dudao.directory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The region tree and its units, as far as the reader's jurisdiction goes. */
@Controller
class DirectoryController {

    private final Regions regions;
    private final Units units;

    DirectoryController(Regions regions, Units units) {
        this.regions = regions;
        this.units = units;
    }

    @GetMapping("/directory")
    String directory(@RequestParam(required = false) String region, @AuthenticationPrincipal Staff me, Model model) {
        var current = region == null || region.isBlank()
                ? regions.require(me.region(), me.jurisdiction())
                : regions.require(new RegionCode(region.trim()), me.jurisdiction());
        model.addAttribute("region", current);
        model.addAttribute("children", regions.children(current.code(), me.jurisdiction()));
        model.addAttribute(
                "units",
                units.within(me.jurisdiction(), current.code(), null).stream()
                        .filter(u -> u.region().equals(current.code()))
                        .toList());
        if (current.parent() != null
                && me.jurisdiction().contains(regions.find(current.parent()).orElseThrow())) {
            model.addAttribute("parent", regions.find(current.parent()).orElseThrow());
        }
        return "directory/regions";
    }
}
