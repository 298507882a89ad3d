package dudao.campaign;

import java.time.LocalDate;

/** The built-in demo campaign's names and dates: the 2018 round of the seed article, which other modules' demo data extends. */
public final class DemoCampaign {

    public static final String NAME = "扫黑除恶专项斗争";
    public static final String ROUND_NAME = "2018年7月全市检查指导";
    public static final LocalDate ROUND_STARTS = LocalDate.of(2018, 7, 16);
    public static final LocalDate ROUND_ENDS = LocalDate.of(2018, 7, 30);
    /** "7月17日,40个检查指导组全部进驻区县开展工作" */
    public static final LocalDate GROUPS_ENTER = LocalDate.of(2018, 7, 17);

    private DemoCampaign() {}
}
