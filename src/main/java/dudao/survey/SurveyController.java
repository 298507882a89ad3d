package dudao.survey;

import dudao.campaign.Campaigns;
import dudao.campaign.Round;
import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.platform.NotFound;
import dudao.platform.Today;
import dudao.platform.UserFacingException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The survey's rates for every staff reader in their jurisdiction, paper entry for groups, questions for the city. */
@Controller
@RequestMapping("/survey")
class SurveyController {

    private final Rounds rounds;
    private final Campaigns campaigns;
    private final Regions regions;
    private final Questionnaires questionnaires;
    private final SurveyResponses responses;
    private final SurveyStatistics statistics;
    private final org.springframework.context.MessageSource messages;
    private final Today today;

    SurveyController(
            Rounds rounds,
            Campaigns campaigns,
            Regions regions,
            Questionnaires questionnaires,
            SurveyResponses responses,
            SurveyStatistics statistics,
            Today today,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.regions = regions;
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.statistics = statistics;
        this.today = today;
    }

    @GetMapping
    String rates(
            @RequestParam(required = false) Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Model model) {
        var chosen = round(round);
        var asOf = date != null ? date : clamp(chosen, today.date());
        model.addAttribute("round", chosen);
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("date", asOf);
        model.addAttribute("rates", statistics.rates(chosen.id(), me.jurisdiction(), asOf));
        model.addAttribute("mayEnter", me.is(Role.CITY_OFFICE, Role.GROUP_LEADER, Role.GROUP_MEMBER));
        return "survey/rates";
    }

    /** The rates per district of the page, for its round and date, as an Excel sheet within the reader's jurisdiction. */
    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(
            @RequestParam(required = false) Long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            java.util.Locale locale) {
        var chosen = round(round);
        var asOf = date != null ? date : clamp(chosen, today.date());
        var rates = statistics.rates(chosen.id(), me.jurisdiction(), asOf);
        var rows = new java.util.ArrayList<java.util.List<?>>();
        for (var d : rates.districts()) {
            rows.add(java.util.Arrays.asList(
                    d.name(),
                    d.today().respondents(),
                    d.cumulative().respondents(),
                    d.cumulative().awarenessRate(),
                    d.cumulative().hotlineAwarenessRate(),
                    d.cumulative().participationRate()));
        }
        var header = java.util.stream.Stream.of(
                        "survey.district",
                        "survey.respondentsToday",
                        "survey.respondents",
                        "survey.awareness",
                        "survey.hotlineAwareness",
                        "survey.participation")
                .map(k -> messages.getMessage(k, null, locale))
                .toList();
        return dudao.platform.Spreadsheets.download(
                dudao.platform.Spreadsheets.sheet(messages.getMessage("survey.title", null, locale), header, rows),
                "survey-" + asOf + ".xlsx");
    }

    @GetMapping("/paper")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    String paperForm(@RequestParam(required = false) Long round, @AuthenticationPrincipal Staff me, Model model) {
        var chosen = round(round);
        model.addAttribute(
                "forms",
                new PaperFormsForm(chosen.id().value(), me.region().value(), clamp(chosen, today.date()), 0, null));
        return paperPage(chosen, me, model);
    }

    @PostMapping("/paper")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    String enterPaper(
            @Valid @ModelAttribute("forms") PaperFormsForm form,
            BindingResult binding,
            @AuthenticationPrincipal Staff me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var chosen = round(form.round());
        if (!binding.hasErrors()) {
            try {
                responses.enterPaper(chosen.id(), form.toPaperForms(), me);
                redirect.addFlashAttribute("done", "survey.paper.done");
                return "redirect:/survey?round=" + chosen.id().value();
            } catch (UserFacingException e) {
                binding.reject(e.messageKey(), e.arguments(), e.messageKey());
                response.setStatus(e.status().value());
                return paperPage(chosen, me, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return paperPage(chosen, me, model);
    }

    @GetMapping("/questions")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String questions(@RequestParam(required = false) Long round, Model model) {
        var chosen = round(round);
        model.addAttribute("round", chosen);
        model.addAttribute("campaign", campaigns.require(chosen.campaign()));
        model.addAttribute("questions", questionnaires.questions(chosen.campaign()));
        model.addAttribute("purposes", Purpose.values());
        return "survey/questions";
    }

    @PostMapping("/questions")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String addQuestion(
            @RequestParam long round,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String textEn,
            @RequestParam(required = false) Purpose purpose,
            @AuthenticationPrincipal Staff me) {
        questionnaires.add(rounds.require(new RoundId(round)).campaign(), text, textEn, purpose, me);
        return "redirect:/survey/questions?round=" + round;
    }

    @PostMapping("/questions/english")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String translate(
            @RequestParam long round,
            @RequestParam long question,
            @RequestParam(defaultValue = "") String textEn,
            @AuthenticationPrincipal Staff me) {
        questionnaires.translate(rounds.require(new RoundId(round)).campaign(), question, textEn, me);
        return "redirect:/survey/questions?round=" + round;
    }

    @PostMapping("/questions/retire")
    @PreAuthorize("hasRole('CITY_OFFICE')")
    String retire(@RequestParam long round, @RequestParam long question, @AuthenticationPrincipal Staff me) {
        questionnaires.retire(rounds.require(new RoundId(round)).campaign(), question, me);
        return "redirect:/survey/questions?round=" + round;
    }

    private String paperPage(Round round, Staff me, Model model) {
        model.addAttribute("round", round);
        model.addAttribute("questions", questionnaires.active(round.campaign()));
        model.addAttribute("districts", regions.districts(me.jurisdiction()));
        return "survey/paper";
    }

    private Round round(Long id) {
        if (id != null) {
            return rounds.require(new RoundId(id));
        }
        return rounds.latest(today.date()).orElseThrow(() -> new NotFound("survey.round.none"));
    }

    private static LocalDate clamp(Round round, LocalDate day) {
        return day.isAfter(round.endsOn()) ? round.endsOn() : day.isBefore(round.startsOn()) ? round.startsOn() : day;
    }

    /** The paper-entry form: one row of tallies per active question, posted as tallies[i].question etc. */
    record PaperFormsForm(
            Long round,
            String region,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            int forms,
            java.util.List<Tally> tallies) {

        PaperForms toPaperForms() {
            return new PaperForms(region, day, forms, tallies == null ? new ArrayList<>() : tallies);
        }
    }
}
