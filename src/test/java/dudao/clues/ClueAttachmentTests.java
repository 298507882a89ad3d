package dudao.clues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dudao.DudaoTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Evidence files: only PDF, PNG and JPEG, stored encrypted, read back by those who may see the clue. */
@DudaoTest
class ClueAttachmentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private long clue() throws Exception {
        var body = mvc.perform(post("/api/v1/clues")
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"LETTER","region":"500116",
                                 "activity":{"category":"OTHER","place":"不清楚","time":"不清楚","description":"来信附件测试"}}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(body).get("id").asLong();
    }

    private long attachments(long id) {
        return jdbc.sql("select count(*) from clue_attachment where clue_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    @Test
    void storesALetterScanEncryptedAndGivesItBack() throws Exception {
        long id = clue();
        var pdf = "%PDF-1.4\n举报人：欧阳某 电话13955556666\n%%EOF".getBytes(StandardCharsets.UTF_8);
        var answer = mvc.perform(multipart("/api/v1/clues/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "来信扫描.pdf", "application/pdf", pdf))
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long attachment = JSON.readTree(answer).get("id").asLong();
        var storedAs = jdbc.sql("select stored_as from clue_attachment where id = ?")
                .param(attachment)
                .query(String.class)
                .single();
        var onDisk = Files.readAllBytes(Path.of("target/test-data/attachments/clues", storedAs));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(new String(onDisk, StandardCharsets.UTF_8)).doesNotContain("13955556666");
        var back = mvc.perform(get("/api/v1/clues/" + id + "/attachments/" + attachment)
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "group16")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(back).isEqualTo(pdf);
        mvc.perform(get("/api/v1/clues/" + id + "/attachments/" + attachment)
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "banan")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'clue-attachment-read' and object_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void refusesAFileOfTheWrongTypeWhateverItIsCalledAndStoresNothing() throws Exception {
        long id = clue();
        var exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        mvc.perform(multipart("/api/v1/clues/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "证据.pdf", "application/pdf", exe))
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.message")
                        .value("Only PDF, PNG or JPEG files are accepted."));
        mvc.perform(multipart("/api/v1/clues/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "empty.png", "image/png", new byte[0]))
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "city")))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/clues/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "x.png", "image/png", new byte[] {1, 2, 3}))
                        .header(HttpHeaders.AUTHORIZATION, SignedIn.bearer(mvc, "banan")))
                .andExpect(status().isNotFound());
        assertThat(attachments(id)).isZero();
    }
}
