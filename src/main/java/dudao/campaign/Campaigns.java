package dudao.campaign;

import dudao.audit.AuditTrail;
import dudao.audit.Outcome;
import dudao.directory.Jurisdiction;
import dudao.directory.RegionCode;
import dudao.directory.RegionLevel;
import dudao.directory.Regions;
import dudao.directory.Role;
import dudao.directory.Staff;
import dudao.platform.BadInput;
import dudao.platform.NotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets up campaigns (city office only) and reads them: focus areas, checklist items, clue categories, key places. */
@Service
@Transactional
public class Campaigns {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final AuditTrail audit;

    Campaigns(JdbcClient jdbc, Regions regions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
    }

    public CampaignId create(NewCampaign campaign, Staff by) {
        requireCityOffice(by);
        var name = campaign.name().trim();
        if (named(name).isPresent()) {
            throw new BadInput("name", "campaign.name.taken");
        }
        long id = jdbc.sql("insert into campaign (name, kind) values (?, ?) returning id")
                .params(name, campaign.kind().name())
                .query(Long.class)
                .single();
        audit.record("CAMPAIGN_CREATE", "campaign", id, Outcome.SUCCESS, name + " " + campaign.kind());
        return new CampaignId(id);
    }

    public FocusAreaId addFocusArea(CampaignId campaign, String name, Staff by) {
        requireCityOffice(by);
        require(campaign);
        var text = requiredText(name, "name", 100);
        if (jdbc.sql("select count(*) from focus_area where campaign_id = ? and name = ?")
                        .params(campaign.value(), text)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new BadInput("name", "campaign.focusArea.taken");
        }
        long id = jdbc.sql("""
                insert into focus_area (campaign_id, position, name)
                values (?, (select coalesce(max(position), 0) + 1 from focus_area where campaign_id = ?), ?)
                returning id""")
                .params(campaign.value(), campaign.value(), text)
                .query(Long.class)
                .single();
        audit.record("FOCUS_AREA_ADD", "campaign", campaign.value(), Outcome.SUCCESS, text);
        return new FocusAreaId(id);
    }

    public ChecklistItemId addChecklistItem(FocusAreaId focusArea, String text, Staff by) {
        requireCityOffice(by);
        var campaign = jdbc.sql("select campaign_id from focus_area where id = ?")
                .param(focusArea.value())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("campaign.focusArea.notFound"));
        var item = requiredText(text, "text", 500);
        long id = jdbc.sql("""
                insert into checklist_item (focus_area_id, position, text)
                values (?, (select coalesce(max(position), 0) + 1 from checklist_item where focus_area_id = ?), ?)
                returning id""")
                .params(focusArea.value(), focusArea.value(), item)
                .query(Long.class)
                .single();
        audit.record(
                "CHECKLIST_ITEM_ADD", "campaign", campaign, Outcome.SUCCESS, "focusArea=" + focusArea + " " + item);
        return new ChecklistItemId(id);
    }

    /** Adds a clue category, or changes the name and time limit of an existing one. */
    public void setClueCategory(CampaignId campaign, String code, String name, int timeLimitDays, Staff by) {
        requireCityOffice(by);
        require(campaign);
        if (code == null || !code.trim().matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw new BadInput("code", "campaign.clueCategory.code");
        }
        if (timeLimitDays < 1 || timeLimitDays > 365) {
            throw new BadInput("timeLimitDays", "campaign.clueCategory.timeLimit");
        }
        var label = requiredText(name, "name", 100);
        jdbc.sql("""
                insert into clue_category (campaign_id, code, name, time_limit_days) values (?, ?, ?, ?)
                on conflict (campaign_id, code) do update set name = excluded.name,
                                                              time_limit_days = excluded.time_limit_days""")
                .params(campaign.value(), code.trim(), label, timeLimitDays)
                .update();
        audit.record(
                "CLUE_CATEGORY_SET",
                "campaign",
                campaign.value(),
                Outcome.SUCCESS,
                code.trim() + " " + label + " " + timeLimitDays + "d");
    }

    /**
     * The time limit in working days the campaign of a round sets for a clue category (a triage scope such as GANG or
     * EVIL is a category code); empty when the round does not exist or its campaign has no such category.
     */
    @Transactional(readOnly = true)
    public Optional<Integer> clueTimeLimit(RoundId round, String category) {
        if (round == null || category == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select c.time_limit_days from clue_category c join round r on r.campaign_id = c.campaign_id
                where r.id = ? and c.code = ?""")
                .params(round.value(), category)
                .query(Integer.class)
                .optional();
    }

    /** Lists a community or village as a key area or weak village of the campaign. */
    public void listKeyPlace(CampaignId campaign, RegionCode place, KeyPlaceKind kind, Staff by) {
        requireCityOffice(by);
        require(campaign);
        var region = regions.require(place, by.jurisdiction());
        if (region.level() != RegionLevel.VILLAGE && region.level() != RegionLevel.TOWNSHIP) {
            throw new BadInput("region", "campaign.keyPlace.level");
        }
        jdbc.sql("insert into key_place (campaign_id, region_code, kind) values (?, ?, ?) on conflict do nothing")
                .params(campaign.value(), place.value(), kind.name())
                .update();
        audit.record("KEY_PLACE_LIST", "campaign", campaign.value(), Outcome.SUCCESS, kind + " " + place);
    }

    @Transactional(readOnly = true)
    public List<KeyPlace> keyPlaces(CampaignId campaign, Jurisdiction scope) {
        return jdbc.sql("""
                select k.region_code, r.name, r.path, k.kind from key_place k join region r on r.code = k.region_code
                where k.campaign_id = ? and r.path like ? order by r.path, k.kind""")
                .params(campaign.value(), scope.likePattern())
                .query((rs, n) -> new KeyPlace(
                        campaign,
                        new RegionCode(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        KeyPlaceKind.valueOf(rs.getString(4))))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return jdbc.sql("select id from campaign order by id").query(Long.class).list().stream()
                .map(id -> require(new CampaignId(id)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> named(String name) {
        return jdbc.sql("select id from campaign where name = ?")
                .param(name)
                .query(Long.class)
                .optional()
                .map(id -> require(new CampaignId(id)));
    }

    @Transactional(readOnly = true)
    public Campaign require(CampaignId id) {
        var head = jdbc.sql("select name, kind from campaign where id = ?")
                .param(id.value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .orElseThrow(() -> new NotFound("campaign.notFound"));
        var areas = new LinkedHashMap<Long, Campaign.FocusArea>();
        jdbc.sql("select id, position, name from focus_area where campaign_id = ? order by position")
                .param(id.value())
                .query(rs -> {
                    areas.put(
                            rs.getLong(1),
                            new Campaign.FocusArea(
                                    new FocusAreaId(rs.getLong(1)), rs.getInt(2), rs.getString(3), new ArrayList<>()));
                });
        jdbc.sql("""
                select i.id, i.focus_area_id, i.position, i.text from checklist_item i
                join focus_area f on f.id = i.focus_area_id where f.campaign_id = ? order by f.position, i.position""").param(id.value()).query(rs -> {
            areas.get(rs.getLong(2))
                    .items()
                    .add(new Campaign.ChecklistItem(
                            new ChecklistItemId(rs.getLong(1)),
                            new FocusAreaId(rs.getLong(2)),
                            rs.getInt(3),
                            rs.getString(4)));
        });
        var categories = jdbc.sql(
                        "select code, name, time_limit_days from clue_category where campaign_id = ? order by id")
                .param(id.value())
                .query((rs, n) -> new Campaign.ClueCategory(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
        return new Campaign(
                id,
                head[0],
                CampaignKind.valueOf(head[1]),
                areas.values().stream()
                        .map(a -> new Campaign.FocusArea(a.id(), a.position(), a.name(), List.copyOf(a.items())))
                        .toList(),
                categories);
    }

    static void requireCityOffice(Staff by) {
        if (by == null || !by.is(Role.CITY_OFFICE)) {
            throw new AccessDeniedException("campaign set-up is for the city office");
        }
    }

    static String requiredText(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw new BadInput(field, "validation.required");
        }
        var trimmed = text.trim();
        if (trimmed.length() > max) {
            throw new BadInput(field, "validation.tooLong");
        }
        return trimmed;
    }
}
