package dudao.bulletins;

import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Staff;
import dudao.platform.NotFound;
import dudao.platform.Today;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
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
import tools.jackson.databind.json.JsonMapper;

/** The city dashboard, the round's bulletins, publishing one, reading one and its files. */
@Controller
class BulletinController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Dashboard dashboard;
    private final DailyBulletins bulletins;
    private final BulletinDocuments documents;
    private final Rounds rounds;
    private final Today today;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Rankings rankings;

    BulletinController(
            Rankings rankings,
            Dashboard dashboard,
            DailyBulletins bulletins,
            BulletinDocuments documents,
            Rounds rounds,
            Today today,
            JsonMapper json,
            MessageSource messages) {
        this.dashboard = dashboard;
        this.bulletins = bulletins;
        this.documents = documents;
        this.rounds = rounds;
        this.today = today;
        this.json = json;
        this.messages = messages;
        this.rankings = rankings;
    }

    @GetMapping("/rankings")
    String rankings(
            @RequestParam long round,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Model model) {
        model.addAttribute("round", rounds.require(new RoundId(round)));
        model.addAttribute("result", rankings.of(new RoundId(round), date, me));
        model.addAttribute("items", Rankings.Item.values());
        return "bulletins/rankings";
    }

    @GetMapping("/dashboard")
    String dashboard(
            @RequestParam(required = false) Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Locale locale,
            Model model) {
        DailyBulletins.requireReader(me);
        var chosen = round != null
                ? rounds.require(new RoundId(round))
                : rounds.latest(today.date()).orElseThrow(() -> new NotFound("round.notFound"));
        var day = date != null ? date : today.date();
        if (day.isAfter(chosen.endsOn())) {
            day = chosen.endsOn();
        }
        if (day.isBefore(chosen.startsOn())) {
            day = chosen.startsOn();
        }
        var overview = dashboard.overview(chosen.id(), day, me, locale);
        model.addAttribute("round", chosen);
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("overview", overview);
        model.addAttribute("measures", Measure.values());
        model.addAttribute("trendJson", json.writeValueAsString(dashboard.trend(chosen.id(), day, me)));
        model.addAttribute("funnelJson", json.writeValueAsString(funnel(overview, locale)));
        model.addAttribute("districtJson", json.writeValueAsString(districts(overview)));
        model.addAttribute(
                "chartLabels",
                json.writeValueAsString(List.of(
                        messages.getMessage("bulletins.chart.documents", null, locale),
                        messages.getMessage("bulletins.chart.talks", null, locale),
                        messages.getMessage("bulletins.chart.found", null, locale),
                        messages.getMessage("bulletins.chart.closed", null, locale),
                        messages.getMessage("bulletins.chart.rate", null, locale))));
        return "bulletins/dashboard";
    }

    private List<Object[]> funnel(Overview overview, Locale locale) {
        var out = new ArrayList<Object[]>();
        for (var m : List.of(
                Measure.CLUES_RECEIVED,
                Measure.CLUES_IN_SCOPE,
                Measure.CLUES_VERIFIED_TRUE,
                Measure.CLUES_CASES,
                Measure.CLUES_CLOSED)) {
            var f = overview.figure(m);
            out.add(new Object[] {messages.getMessage(m.labelKey(), null, locale), f == null ? 0 : f.cumulative()});
        }
        return out;
    }

    private static List<Object[]> districts(Overview overview) {
        return overview.districts().stream()
                .map(l -> new Object[] {l.label(), l.cumulative(Measure.RECTIFICATION_RATE)})
                .toList();
    }

    @GetMapping("/rounds/{id}/bulletins")
    String list(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var round = rounds.require(new RoundId(id));
        model.addAttribute("round", round);
        model.addAttribute("bulletins", bulletins.ofRound(round.id(), me));
        var day = date != null ? date : today.date().isAfter(round.endsOn()) ? round.endsOn() : today.date();
        model.addAttribute("draft", bulletins.draft(round.id(), day, me));
        return "bulletins/list";
    }

    @PostMapping("/rounds/{id}/bulletins")
    String publish(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) Integer practiceGroup,
            @RequestParam(required = false) String practiceText,
            @AuthenticationPrincipal Staff me) {
        var practices = practiceGroup != null && practiceText != null && !practiceText.isBlank()
                ? List.of(new BulletinText.Practice(practiceGroup, practiceText))
                : List.<BulletinText.Practice>of();
        long bulletin =
                bulletins.publish(new RoundId(id), new DailyBulletins.Publication(date, template, practices), me);
        return "redirect:/bulletins/" + bulletin;
    }

    @GetMapping("/bulletins/{id}")
    String bulletin(@PathVariable long id, @AuthenticationPrincipal Staff me, Locale locale, Model model) {
        model.addAttribute("bulletin", bulletins.require(id, me, locale));
        model.addAttribute("changes", bulletins.changes(id, me, locale));
        return "bulletins/bulletin";
    }

    @GetMapping("/bulletins/{id}/bulletin.docx")
    ResponseEntity<byte[]> word(@PathVariable long id, @AuthenticationPrincipal Staff me, Locale locale) {
        var bulletin = bulletins.require(id, me, locale);
        return file(documents.word(bulletin), "bulletin-" + bulletin.date() + ".docx", DOCX);
    }

    @GetMapping("/bulletins/{id}/bulletin.xlsx")
    ResponseEntity<byte[]> excel(@PathVariable long id, @AuthenticationPrincipal Staff me, Locale locale) {
        var bulletin = bulletins.require(id, me, locale);
        return file(documents.excel(bulletin, labels(locale)), "bulletin-" + bulletin.date() + ".xlsx", XLSX);
    }

    /** The dashboard's tables (totals, districts, groups) for a round and a day, as the reader sees them. */
    @GetMapping("/dashboard.xlsx")
    ResponseEntity<byte[]> dashboardExcel(
            @RequestParam long round,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Locale locale) {
        DailyBulletins.requireReader(me);
        var overview = dashboard.overview(new RoundId(round), date, me, locale);
        return file(documents.excel(overview, labels(locale)), "dashboard-" + date + ".xlsx", XLSX);
    }

    private BulletinDocuments.Labels labels(Locale locale) {
        var measures = new ArrayList<String>();
        for (var m : Measure.values()) {
            measures.add(messages.getMessage(m.labelKey(), null, locale));
        }
        var labels = new BulletinDocuments.Labels(
                messages.getMessage("bulletins.sheet.totals", null, locale),
                messages.getMessage("bulletins.sheet.districts", null, locale),
                messages.getMessage("bulletins.sheet.groups", null, locale),
                List.of(
                        messages.getMessage("bulletins.figure", null, locale),
                        messages.getMessage("bulletins.today", null, locale),
                        messages.getMessage("bulletins.cumulative", null, locale),
                        messages.getMessage("bulletins.definition", null, locale)),
                measures);
        return labels;
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        var encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + encoded)
                .body(body);
    }
}
