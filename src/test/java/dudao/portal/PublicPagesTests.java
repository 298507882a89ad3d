package dudao.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What each group publishes while posted, readable without signing in. */
@DudaoTest
class PublicPagesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void listsEveryGroupOfTheRoundWithItsHotlineMailboxAndOffice() throws Exception {
        var html = mvc.perform(get("/public"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html.split("data-group=\"").length - 1).isEqualTo(40);
        assertThat(html).contains("江津区", "巴南区", "两江新区", "第16组", "受理中");
    }

    @Test
    void showsTheHotlineAsActiveOnlyWhileTheGroupIsPosted() throws Exception {
        var html = mvc.perform(get("/public")).andReturn().getResponse().getContentAsString();
        var row16 = html.substring(html.indexOf("data-group=\"16\""));
        row16 = row16.substring(0, row16.indexOf("</tr>"));
        assertThat(row16).contains("href=\"tel:").contains("受理中");
    }

    @Test
    void printsAPosterWithTheHotlineAndAQrCodeToTheTipForm() throws Exception {
        mvc.perform(get("/public/groups/16/poster"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("第16组进驻江津区")))
                .andExpect(content().string(Matchers.containsString("/public/groups/16/qr.svg")))
                .andExpect(content().string(Matchers.containsString("/public/tips/new?group=16")));
        mvc.perform(get("/public/groups/16/qr.svg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("image/svg+xml")))
                .andExpect(content().string(Matchers.startsWith("<svg")));
    }

    @Test
    void givesAPlainCaptionForScreens() throws Exception {
        mvc.perform(get("/public/groups/16/caption"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/plain")))
                .andExpect(content().string(Matchers.containsString("第16检查指导组进驻江津区")))
                .andExpect(content().string(Matchers.containsString("举报电话：023-")));
    }

    @Test
    void anUnknownGroupIsNotFound() throws Exception {
        mvc.perform(get("/public/groups/99/poster")).andExpect(status().isNotFound());
        mvc.perform(get("/public/groups/abc/poster")).andExpect(status().isBadRequest());
    }

    @Test
    void readingThePublicPagesOpensNoSession() throws Exception {
        var response = mvc.perform(get("/public")).andReturn();
        assertThat(response.getRequest().getSession(false)).isNull();
    }
}
