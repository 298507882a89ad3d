package dudao.campaign;

/** The id of a campaign. */
public record CampaignId(long value) implements java.io.Serializable {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
