package dudao.directory;

import dudao.platform.Paged;
import dudao.platform.UserFacingException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration for the city office. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('CITY_OFFICE')")
class AccountAdminController {

    private final StaffAccounts accounts;
    private final Regions regions;
    private final Units units;
    private final org.springframework.context.MessageSource messages;

    AccountAdminController(
            StaffAccounts accounts, Regions regions, Units units, org.springframework.context.MessageSource messages) {
        this.accounts = accounts;
        this.regions = regions;
        this.units = units;
        this.messages = messages;
    }

    /** The accounts of the list, with its filters, as an Excel sheet; within the administrator's jurisdiction. */
    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(
            @Valid @ModelAttribute("filter") AccountFilter filter,
            BindingResult binding,
            @AuthenticationPrincipal Staff me,
            java.util.Locale locale) {
        if (binding.hasErrors()) {
            throw new dudao.platform.BadInput(binding.getFieldErrors().get(0).getField(), "validation.format");
        }
        var rows = new java.util.ArrayList<java.util.List<?>>();
        for (int page = 0; ; page++) {
            var found = accounts.find(filter, me.jurisdiction(), new Paged.Request(page, Paged.MAX_SIZE));
            for (var a : found.items()) {
                rows.add(java.util.Arrays.asList(
                        a.username(),
                        a.displayName(),
                        messages.getMessage("role." + a.role().name(), null, locale),
                        a.regionName(),
                        a.unitName(),
                        messages.getMessage(
                                !a.enabled()
                                        ? "account.disabled.badge"
                                        : a.locked() ? "account.locked.badge" : "account.enabled.badge",
                                null,
                                locale)));
            }
            if (!found.hasNext()) {
                break;
            }
        }
        var header = java.util.stream.Stream.of(
                        "account.username",
                        "account.displayName",
                        "account.role",
                        "account.region",
                        "account.unit",
                        "account.state")
                .map(k -> messages.getMessage(k, null, locale))
                .toList();
        return dudao.platform.Spreadsheets.download(
                dudao.platform.Spreadsheets.sheet(messages.getMessage("accounts.title", null, locale), header, rows),
                "accounts.xlsx");
    }

    @GetMapping
    String list(
            @Valid @ModelAttribute("filter") AccountFilter filter,
            BindingResult binding,
            @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var effective = binding.hasErrors() ? AccountFilter.none() : filter;
        model.addAttribute("page", accounts.find(effective, me.jurisdiction(), Paged.Request.of(page, 50)));
        model.addAttribute("roles", Role.values());
        model.addAttribute("districts", regions.districts(me.jurisdiction()));
        model.addAttribute("base", "/admin/accounts" + effective.query());
        return "directory/accounts";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal Staff me, Model model) {
        model.addAttribute("account", new NewAccount("", "", null, me.region().value(), null));
        return form(me, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("account") NewAccount account,
            BindingResult binding,
            @AuthenticationPrincipal Staff me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var created = accounts.create(account, me);
                redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
                return "redirect:/admin/accounts/" + created.id();
            } catch (UserFacingException e) {
                binding.reject(e.messageKey(), e.arguments(), e.messageKey());
                response.setStatus(e.status().value());
                return form(me, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(me, model);
    }

    private String form(Staff me, Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "regions",
                regions.within(me.jurisdiction(), null).stream()
                        .filter(r -> r.level() != RegionLevel.VILLAGE)
                        .toList());
        model.addAttribute("units", units.within(me.jurisdiction(), null, null));
        return "directory/account-form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal Staff me, Model model) {
        var account = accounts.require(new StaffId(id), me.jurisdiction());
        model.addAttribute("account", account);
        model.addAttribute(
                "change",
                new AccountChange(
                        account.role(),
                        account.region().value(),
                        account.unit() == null ? null : account.unit().value(),
                        account.version()));
        return form(me, model).replace("account-form", "account");
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal Staff me, RedirectAttributes redirect) {
        accounts.disable(new StaffId(id), me);
        redirect.addFlashAttribute("done", "account.disabled");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal Staff me, RedirectAttributes redirect) {
        accounts.enable(new StaffId(id), me);
        redirect.addFlashAttribute("done", "account.enabled");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/email")
    String email(
            @PathVariable long id,
            @RequestParam(required = false) String email,
            @AuthenticationPrincipal Staff me,
            RedirectAttributes redirect) {
        accounts.setEmail(new StaffId(id), email, me);
        redirect.addFlashAttribute("done", "account.email.saved");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/reset")
    String reset(@PathVariable long id, @AuthenticationPrincipal Staff me, RedirectAttributes redirect) {
        var reset = accounts.reset(new StaffId(id), me);
        redirect.addFlashAttribute("temporaryPassword", reset.temporaryPassword());
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}")
    String change(
            @PathVariable long id,
            @Valid @ModelAttribute("change") AccountChange change,
            BindingResult binding,
            @AuthenticationPrincipal Staff me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var account = accounts.require(new StaffId(id), me.jurisdiction());
        if (!binding.hasErrors()) {
            try {
                accounts.change(new StaffId(id), change, me);
                redirect.addFlashAttribute("done", "account.changed");
                return "redirect:/admin/accounts/" + id;
            } catch (UserFacingException e) {
                binding.reject(e.messageKey(), e.arguments(), e.messageKey());
                response.setStatus(e.status().value());
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("account", account);
        return form(me, model).replace("account-form", "account");
    }
}
