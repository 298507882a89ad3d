package dudao;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signing in as a demo account the way a person or an integration does: the login form or an API token. */
public final class SignIns {

    public static final String DEMO_PASSWORD = "Dudao-demo-2018";

    private SignIns() {}

    /** The session of a person who signed in through the login form. */
    public static MockHttpSession session(MockMvc mvc, String username) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(DEMO_PASSWORD))
                .andReturn();
        if (result.getResponse().getStatus() != 302
                || !"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError("sign-in of " + username + " failed: "
                    + result.getResponse().getRedirectedUrl());
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** An API bearer token of the account. */
    public static String token(MockMvc mvc, String username) throws Exception {
        var body = mvc.perform(post("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var start = body.indexOf("\"token\":\"");
        if (start < 0) {
            throw new AssertionError("no token for " + username + ": " + body);
        }
        start += 9;
        return body.substring(start, body.indexOf('"', start));
    }

    /** Sends the account's bearer token with an API request. */
    public static RequestPostProcessor bearer(MockMvc mvc, String username) throws Exception {
        var token = token(mvc, username);
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
