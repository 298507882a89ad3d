package dudao.clues;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dudao.directory.Staff;
import dudao.platform.BearerTokens;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Demo accounts signed in through the API ({@code POST /api/v1/tokens}), as tests need them. */
final class SignedIn {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private SignedIn() {}

    static String token(MockMvc mvc, String username) {
        return TOKENS.computeIfAbsent(username, u -> {
            try {
                var body = mvc.perform(post("/api/v1/tokens")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"username\":\"" + u + "\",\"password\":\"Dudao-demo-2018\"}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                return JsonMapper.builder().build().readTree(body).get("token").asString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String bearer(MockMvc mvc, String username) {
        return "Bearer " + token(mvc, username);
    }

    static Authentication authentication(MockMvc mvc, BearerTokens tokens, String username) {
        return tokens.authenticate(token(mvc, username)).orElseThrow();
    }

    static Staff staff(MockMvc mvc, BearerTokens tokens, String username) {
        return (Staff) authentication(mvc, tokens, username).getPrincipal();
    }
}
