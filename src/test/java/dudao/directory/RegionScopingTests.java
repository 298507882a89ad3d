package dudao.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import dudao.SignIns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A district account sees its district and nothing of another, in every list, page and API answer. */
@DudaoTest
class RegionScopingTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aDistrictOfficeListsOnlyRegionsOfItsDistrict() throws Exception {
        var body = mvc.perform(get("/api/v1/regions").with(SignIns.bearer(mvc, "jiangjin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("500116"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("几江街道").doesNotContain("巴南区").doesNotContain("鱼洞街道");
    }

    @Test
    void aDistrictOfficeListsOnlyUnitsOfItsDistrict() throws Exception {
        var body = mvc.perform(get("/api/v1/units").with(SignIns.bearer(mvc, "jiangjin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("江津区公安局").doesNotContain("巴南区").doesNotContain("市公安局");
    }

    @Test
    void anotherDistrictsRecordsAnswerNotFound() throws Exception {
        var jiangjin = SignIns.bearer(mvc, "jiangjin");
        mvc.perform(get("/api/v1/regions/500113").with(jiangjin)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units").param("region", "500113").with(jiangjin))
                .andExpect(status().isNotFound());
        var banan = SignIns.session(mvc, "banan");
        mvc.perform(get("/directory").param("region", "500116").session(banan)).andExpect(status().isNotFound());
        mvc.perform(get("/directory").param("region", "500113").session(banan)).andExpect(status().isOk());
    }

    @Test
    void anotherDistrictsUnitAnswersNotFoundExactlyLikeAMissingOne() throws Exception {
        var cityUnits = mvc.perform(
                        get("/api/v1/units").param("region", "500113").with(SignIns.bearer(mvc, "city")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number bananUnitId = com.jayway.jsonpath.JsonPath.read(cityUnits, "$[0].id");
        var jiangjin = SignIns.bearer(mvc, "jiangjin");
        var foreign = mvc.perform(get("/api/v1/units/" + bananUnitId).with(jiangjin))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var missing = mvc.perform(get("/api/v1/units/999999999").with(jiangjin))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(foreign.replaceAll("\"requestId\":\"[^\"]+\"", ""))
                .isEqualTo(missing.replaceAll("\"requestId\":\"[^\"]+\"", ""));
    }

    @Test
    void onlyTheCityOfficeAdministersAccounts() throws Exception {
        mvc.perform(get("/admin/accounts").session(SignIns.session(mvc, "jiangjin")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/staff").with(SignIns.bearer(mvc, "jiangjin"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").session(SignIns.session(mvc, "city")))
                .andExpect(status().isOk());
    }

    @Test
    void theCitySeesEveryDistrict() throws Exception {
        var body = mvc.perform(get("/api/v1/regions").param("level", "DISTRICT").with(SignIns.bearer(mvc, "city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(40))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("江津区", "巴南区", "两江新区");
    }
}
