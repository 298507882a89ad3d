package dudao.directory;

import dudao.platform.Paged;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory as JSON, scoped to the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1")
class DirectoryApiController {

    private final Regions regions;
    private final Units units;
    private final StaffAccounts accounts;

    DirectoryApiController(Regions regions, Units units, StaffAccounts accounts) {
        this.regions = regions;
        this.units = units;
        this.accounts = accounts;
    }

    record Me(
            String username,
            String displayName,
            Role role,
            String region,
            String regionName,
            boolean secondFactorOff) {}

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Staff me) {
        return new Me(
                me.username(), me.displayName(), me.role(), me.region().value(), me.regionName(), me.secondFactorOff());
    }

    @GetMapping("/regions")
    List<Region> regions(@RequestParam(required = false) RegionLevel level, @AuthenticationPrincipal Staff me) {
        return regions.within(me.jurisdiction(), level);
    }

    @GetMapping("/regions/{code}")
    Region region(@PathVariable String code, @AuthenticationPrincipal Staff me) {
        return regions.require(new RegionCode(code), me.jurisdiction());
    }

    @GetMapping("/units")
    List<Unit> units(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String kind,
            @AuthenticationPrincipal Staff me) {
        return units.within(me.jurisdiction(), region == null ? null : new RegionCode(region), kind);
    }

    @GetMapping("/units/{id}")
    Unit unit(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return units.require(new UnitId(id), me.jurisdiction());
    }

    @GetMapping("/staff")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    Paged<Account> staff(
            @Valid AccountFilter filter,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal Staff me) {
        return accounts.find(filter, me.jurisdiction(), Paged.Request.of(page, size));
    }

    @GetMapping("/staff/{id}")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    Account account(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return accounts.require(new StaffId(id), me.jurisdiction());
    }

    @PostMapping("/staff")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    ResponseEntity<Map<String, Object>> create(
            @Valid @RequestBody NewAccount account, @AuthenticationPrincipal Staff me) {
        var created = accounts.create(account, me);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", created.id().value(), "temporaryPassword", created.temporaryPassword()));
    }
}
