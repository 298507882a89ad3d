package dudao.fieldwork;

import dudao.campaign.GroupId;
import dudao.campaign.InspectionGroups;
import dudao.campaign.PhaseKind;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import dudao.platform.Today;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The fieldwork pages: a group's day and visits, and a round's daily bulletin with its Excel export. */
@Controller
class FieldworkController {

    private final FieldworkLog fieldwork;
    private final FieldworkBulletin bulletins;
    private final BulletinWorkbook workbook;
    private final InspectionGroups groups;
    private final Rounds rounds;
    private final Today today;

    FieldworkController(
            FieldworkLog fieldwork,
            FieldworkBulletin bulletins,
            BulletinWorkbook workbook,
            InspectionGroups groups,
            Rounds rounds,
            Today today) {
        this.fieldwork = fieldwork;
        this.bulletins = bulletins;
        this.workbook = workbook;
        this.groups = groups;
        this.rounds = rounds;
        this.today = today;
    }

    /** A group member lands on their group's day; everyone else on the latest round's bulletin. */
    @GetMapping("/fieldwork")
    String start(@AuthenticationPrincipal Staff me) {
        var own = groups.ofMember(me.id());
        if (!own.isEmpty()) {
            return "redirect:/groups/" + own.get(0).id() + "/fieldwork";
        }
        var round = rounds.latest(today.date()).orElseThrow(() -> new NotFound("round.notFound"));
        return "redirect:/rounds/" + round.id() + "/bulletin";
    }

    @GetMapping("/groups/{id}/fieldwork")
    String group(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var group = groups.require(new GroupId(id), me.jurisdiction());
        var round = rounds.require(group.round());
        var now = today.date();
        var day = date != null
                ? date
                : now.isAfter(group.postedUntil())
                        ? group.postedUntil()
                        : now.isBefore(group.postedFrom()) ? group.postedFrom() : now;
        model.addAttribute("group", group);
        model.addAttribute("round", round);
        model.addAttribute("day", day);
        model.addAttribute("phase", round.phaseOn(day).map(p -> p.kind()).orElse(PhaseKind.DISTRICT_LEVEL));
        model.addAttribute("phases", PhaseKind.values());
        model.addAttribute("kinds", FieldworkKind.values());
        model.addAttribute(
                "record", fieldwork.day(group.id(), day, me.jurisdiction()).orElse(null));
        model.addAttribute("submitted", fieldwork.submittedDays(group.id(), me.jurisdiction()));
        model.addAttribute("visits", fieldwork.visits(group.id(), me.jurisdiction()));
        model.addAttribute("coverage", fieldwork.coverage(group.id(), me.jurisdiction()));
        model.addAttribute("member", group.hasMember(me.id()));
        model.addAttribute("places", fieldwork.places(group.id(), me.jurisdiction()));
        model.addAttribute("departments", fieldwork.departments(group.id(), me.jurisdiction()));
        model.addAttribute("placeKinds", PlaceKind.values());
        model.addAttribute("modes", VisitMode.values());
        return "fieldwork/group";
    }

    @PostMapping("/groups/{id}/fieldwork/{date}")
    String record(
            @PathVariable long id,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal Staff me) {
        var counts = new ArrayList<DayFigures.Entry>();
        var phase = form.getOrDefault("phase", "");
        for (var kind : FieldworkKind.values()) {
            var text = form.getOrDefault(kind.name(), "").trim();
            if (text.isEmpty()) {
                continue;
            }
            long amount;
            try {
                amount = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new BadInput(kind.name(), "fieldwork.count.notNumber", kind);
            }
            counts.add(new DayFigures.Entry(kind.name(), phase, amount));
        }
        fieldwork.record(new GroupId(id), date, new DayFigures(counts, form.get("reason"), null), me);
        return "redirect:/groups/" + id + "/fieldwork?date=" + date;
    }

    @PostMapping("/groups/{id}/visits")
    String visit(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long unit,
            @RequestParam PlaceKind placeKind,
            @RequestParam VisitMode mode,
            @RequestParam(defaultValue = "false") boolean listedKeyArea,
            @RequestParam(required = false) String findings,
            @AuthenticationPrincipal Staff me) {
        fieldwork.recordVisit(
                new GroupId(id), new NewVisit(day, region, unit, place, placeKind, mode, listedKeyArea, findings), me);
        return "redirect:/groups/" + id + "/fieldwork?date=" + day;
    }

    @GetMapping("/rounds/{id}/bulletin")
    String bulletin(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var round = rounds.require(new RoundId(id));
        var day = date != null ? date : defaultDay(round.startsOn(), round.endsOn());
        model.addAttribute("round", round);
        model.addAttribute("bulletin", bulletins.of(round.id(), day, me.jurisdiction()));
        return "fieldwork/bulletin";
    }

    @GetMapping("/rounds/{id}/bulletin.xlsx")
    ResponseEntity<byte[]> bulletinWorkbook(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Locale locale) {
        var bulletin = bulletins.of(new RoundId(id), date, me.jurisdiction());
        var name = URLEncoder.encode("fieldwork-bulletin-" + date + ".xlsx", StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name)
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook.write(bulletin, locale));
    }

    private LocalDate defaultDay(LocalDate first, LocalDate last) {
        var now = today.date();
        return now.isAfter(last) ? last : now.isBefore(first) ? first : now;
    }
}
