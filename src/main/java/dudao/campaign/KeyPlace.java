package dudao.campaign;

import dudao.directory.RegionCode;

/** A place the campaign lists: a key area or a weak village, with where it lies. */
public record KeyPlace(CampaignId campaign, RegionCode region, String name, String path, KeyPlaceKind kind) {

    /** The district-level unit it lies in. */
    public RegionCode district() {
        return new RegionCode(path.split("/")[2]);
    }
}
