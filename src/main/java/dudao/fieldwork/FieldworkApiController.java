package dudao.fieldwork;

import dudao.campaign.GroupId;
import dudao.campaign.RoundId;
import dudao.directory.Staff;
import dudao.platform.NotFound;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fieldwork as JSON: a group's days and visits, its coverage, and the round's bulletin. */
@RestController
@RequestMapping("/api/v1")
class FieldworkApiController {

    private final FieldworkLog fieldwork;
    private final FieldworkBulletin bulletins;

    FieldworkApiController(FieldworkLog fieldwork, FieldworkBulletin bulletins) {
        this.fieldwork = fieldwork;
        this.bulletins = bulletins;
    }

    @PutMapping("/groups/{groupId}/fieldwork/{date}")
    DayRecord record(
            @PathVariable long groupId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody DayFigures figures,
            @AuthenticationPrincipal Staff me) {
        return fieldwork.record(new GroupId(groupId), date, figures, me);
    }

    @GetMapping("/groups/{groupId}/fieldwork/{date}")
    DayRecord day(
            @PathVariable long groupId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me) {
        return fieldwork
                .day(new GroupId(groupId), date, me.jurisdiction())
                .orElseThrow(() -> new NotFound("fieldwork.day.notReported", date));
    }

    @PostMapping("/groups/{groupId}/visits")
    ResponseEntity<Map<String, Object>> visit(
            @PathVariable long groupId, @Valid @RequestBody NewVisit visit, @AuthenticationPrincipal Staff me) {
        long id = fieldwork.recordVisit(new GroupId(groupId), visit, me);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/groups/{groupId}/visits")
    List<Visit> visits(@PathVariable long groupId, @AuthenticationPrincipal Staff me) {
        return fieldwork.visits(new GroupId(groupId), me.jurisdiction());
    }

    @GetMapping("/groups/{groupId}/coverage")
    Map<String, Object> coverage(@PathVariable long groupId, @AuthenticationPrincipal Staff me) {
        var coverage = fieldwork.coverage(new GroupId(groupId), me.jurisdiction());
        var out = new LinkedHashMap<String, Object>();
        out.put("townships", coverage.townships());
        out.put("listedAreas", coverage.listedAreas());
        out.put("weakVillages", coverage.weakVillages());
        out.put("departments", coverage.departments());
        out.put("visited", coverage.visited());
        out.put("total", coverage.total());
        out.put("percent", coverage.percent());
        return out;
    }

    @GetMapping("/rounds/{id}/bulletin")
    Bulletin bulletin(
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal Staff me) {
        return bulletins.of(new RoundId(id), date, me.jurisdiction());
    }
}
