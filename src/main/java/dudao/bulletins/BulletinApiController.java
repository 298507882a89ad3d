package dudao.bulletins;

import dudao.campaign.RoundId;
import dudao.directory.Staff;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures and the published bulletins as JSON, scoped to the caller's jurisdiction. */
@RestController
@RequestMapping("/api/v1")
class BulletinApiController {

    private final Dashboard dashboard;
    private final DailyBulletins bulletins;
    private final Rankings rankings;

    BulletinApiController(Dashboard dashboard, DailyBulletins bulletins, Rankings rankings) {
        this.dashboard = dashboard;
        this.bulletins = bulletins;
        this.rankings = rankings;
    }

    @GetMapping("/stats/rankings")
    Rankings.Result rankings(
            @RequestParam long round,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me) {
        return rankings.of(new RoundId(round), date, me);
    }

    @GetMapping("/stats/overview")
    Overview overview(
            @RequestParam long round,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me,
            Locale locale) {
        DailyBulletins.requireReader(me);
        return dashboard.overview(new RoundId(round), date, me, locale);
    }

    @GetMapping("/stats/trend")
    List<Dashboard.Day> trend(
            @RequestParam long round,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me) {
        DailyBulletins.requireReader(me);
        return dashboard.trend(new RoundId(round), date, me);
    }

    @GetMapping("/rounds/{id}/bulletins")
    List<PublishedBulletin.Summary> list(@PathVariable long id, @AuthenticationPrincipal Staff me) {
        return bulletins.ofRound(new RoundId(id), me);
    }

    @GetMapping("/rounds/{id}/bulletins/draft")
    DailyBulletins.Draft draft(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me) {
        return bulletins.draft(new RoundId(id), date, me);
    }

    @PostMapping("/rounds/{id}/bulletins")
    ResponseEntity<Map<String, Object>> publish(
            @PathVariable long id,
            @RequestBody DailyBulletins.Publication publication,
            @AuthenticationPrincipal Staff me) {
        long bulletin = bulletins.publish(new RoundId(id), publication, me);
        return ResponseEntity.created(java.net.URI.create("/api/v1/bulletins/" + bulletin))
                .body(Map.of("id", bulletin));
    }

    @GetMapping("/bulletins/{id}")
    PublishedBulletin bulletin(@PathVariable long id, @AuthenticationPrincipal Staff me, Locale locale) {
        return bulletins.require(id, me, locale);
    }

    @GetMapping("/bulletins/{id}/changes")
    List<PublishedBulletin.Change> changes(@PathVariable long id, @AuthenticationPrincipal Staff me, Locale locale) {
        return bulletins.changes(id, me, locale);
    }
}
