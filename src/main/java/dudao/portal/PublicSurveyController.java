package dudao.portal;

import dudao.campaign.Round;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.Regions;
import dudao.platform.NotFound;
import dudao.platform.UserFacingException;
import dudao.survey.Questionnaires;
import dudao.survey.Reply;
import dudao.survey.SurveyResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The awareness survey, answered online by anyone, anonymously. */
@Controller
@RequestMapping("/public/survey")
class PublicSurveyController {

    private final PublicGroups groups;
    private final Regions regions;
    private final Questionnaires questionnaires;
    private final SurveyResponses responses;
    private final Throttle throttle;

    PublicSurveyController(
            PublicGroups groups,
            Regions regions,
            Questionnaires questionnaires,
            SurveyResponses responses,
            Throttle throttle) {
        this.groups = groups;
        this.regions = regions;
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.throttle = throttle;
    }

    @GetMapping
    String form(Model model) {
        return page(round(), model, null, Map.of());
    }

    /** Answers arrive as {@code q<id>=YES|NO|UNSURE}; unanswered questions are simply absent. */
    @PostMapping
    String answer(
            @RequestParam(defaultValue = "") String region,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var round = round();
        var replies = new LinkedHashMap<Long, Reply>();
        try {
            for (var q : questionnaires.active(round.campaign())) {
                var value = request.getParameter("q" + q.id());
                if (value != null && !value.isBlank()) {
                    replies.put(q.id(), Reply.valueOf(value));
                }
            }
            if (region.isBlank()) {
                throw new dudao.platform.BadInput("region", "survey.district.unknown");
            }
            // The per-client hourly limit, like the tip form's: every answer sent counts, refused ones too.
            throttle.countSurveyAnswer(throttle.client(request));
            responses.answerOnline(round.id(), new RegionCode(region), replies);
            return "portal/survey-thanks";
        } catch (IllegalArgumentException malformed) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(round, model, "error.unreadable", replies);
        } catch (UserFacingException refused) {
            response.setStatus(refused.status().value());
            if (refused instanceof Throttle.Refused limit) {
                response.setHeader("Retry-After", Long.toString(limit.retryAfter()));
            }
            return page(round, model, refused.messageKey(), replies);
        }
    }

    private String page(Round round, Model model, String errorKey, Map<Long, Reply> replies) {
        model.addAttribute("round", round);
        model.addAttribute("questions", questionnaires.active(round.campaign()));
        model.addAttribute("districts", regions.districts(Jurisdiction.wholeCity()));
        model.addAttribute("replies", replies);
        model.addAttribute("errorKey", errorKey);
        return "portal/survey";
    }

    private Round round() {
        return groups.currentRound().orElseThrow(() -> new NotFound("survey.round.none"));
    }
}
