package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dudao.platform.BadInput;
import org.junit.jupiter.api.Test;

class JurisdictionTests {

    static final Region JIANGJIN =
            new Region(new RegionCode("500116"), RegionCode.CITY, "江津区", RegionLevel.DISTRICT, "/500000/500116/");
    static final Region JIJIANG = new Region(
            new RegionCode("500116001"),
            new RegionCode("500116"),
            "几江街道",
            RegionLevel.TOWNSHIP,
            "/500000/500116/500116001/");
    static final Region BANAN =
            new Region(new RegionCode("500113"), RegionCode.CITY, "巴南区", RegionLevel.DISTRICT, "/500000/500113/");

    @Test
    void aDistrictSeesItselfAndEverythingBelowButNoSibling() {
        var jiangjin = Jurisdiction.of(JIANGJIN);
        assertThat(jiangjin.contains(JIANGJIN)).isTrue();
        assertThat(jiangjin.contains(JIJIANG)).isTrue();
        assertThat(jiangjin.contains(BANAN)).isFalse();
    }

    @Test
    void aTownshipDoesNotSeeItsDistrict() {
        assertThat(Jurisdiction.of(JIJIANG).contains(JIANGJIN)).isFalse();
    }

    @Test
    void theCitySeesEveryDistrict() {
        var city = Jurisdiction.wholeCity();
        assertThat(city.isWholeCity()).isTrue();
        assertThat(city.contains(JIANGJIN)).isTrue();
        assertThat(city.contains(BANAN)).isTrue();
    }

    @Test
    void aPathCannotSmuggleLikeWildcards() {
        assertThatThrownBy(() -> new Jurisdiction(RegionCode.CITY, "/%/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Jurisdiction(RegionCode.CITY, "/500000_/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegionCodeIsDigitsAndCapitalsOnly() {
        assertThatThrownBy(() -> new RegionCode("5001'; drop table region;--")).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> new RegionCode("")).isInstanceOf(BadInput.class);
        assertThat(new RegionCode("5001LJ").value()).isEqualTo("5001LJ");
    }

    @Test
    void aRegionKnowsItsDistrict() {
        assertThat(JIJIANG.district()).isEqualTo(new RegionCode("500116"));
        assertThat(JIANGJIN.district()).isEqualTo(new RegionCode("500116"));
    }
}
