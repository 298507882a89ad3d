package dudao.survey;

import dudao.campaign.RoundId;
import dudao.campaign.Rounds;
import dudao.directory.Staff;
import dudao.platform.Today;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
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

@RestController
@RequestMapping("/api/v1/rounds/{round}/survey")
class SurveyApiController {

    private final Rounds rounds;
    private final SurveyResponses responses;
    private final SurveyStatistics statistics;
    private final Today today;

    SurveyApiController(Rounds rounds, SurveyResponses responses, SurveyStatistics statistics, Today today) {
        this.rounds = rounds;
        this.responses = responses;
        this.statistics = statistics;
        this.today = today;
    }

    @GetMapping
    SurveyRates rates(
            @PathVariable long round,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me) {
        var chosen = rounds.require(new RoundId(round));
        return statistics.rates(chosen.id(), me.jurisdiction(), date != null ? date : today.date());
    }

    @PostMapping("/paper")
    @PreAuthorize("hasAnyRole('CITY_OFFICE', 'GROUP_LEADER', 'GROUP_MEMBER')")
    ResponseEntity<Map<String, Object>> paper(
            @PathVariable long round, @Valid @RequestBody PaperForms forms, @AuthenticationPrincipal Staff me) {
        long id = responses.enterPaper(new RoundId(round), forms, me);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }
}
