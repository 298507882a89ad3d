package dudao.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter.HeaderValue;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three chains: the JSON API under {@code /api}, stateless and authenticated by bearer tokens (no cookies, so no CSRF
 * token); the public portal's pages under {@code /public}, stateless too; and the staff pages, with form login, a
 * second factor, sessions and CSRF on every form. Which role may do what is said on each controller method
 * ({@code @PreAuthorize}); here only signed in completely or not.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The cookie that holds the public forms' CSRF token (they have no session to hold it). */
    static final String PUBLIC_CSRF_COOKIE = "DUDAO_PUBLIC_CSRF";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The public tip API: no session, no sign-in, no token (a staff token is refused by the endpoints, not read here, so
     * no staff identity is ever looked up for a tip), the same headers. Only the filters that apply to an anonymous,
     * stateless request: a surge of tips from a hotline system passes through nothing else.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/public/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.requireExplicitSave(true))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .headers(SecurityConfiguration::headers)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, BearerTokens tokens, JsonErrors errors) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfiguration::headers)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/tokens")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(Authorities.STAFF))
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) ->
                                errors.write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthorized"))
                        .accessDeniedHandler((request, response, e) ->
                                errors.write(request, response, HttpStatus.FORBIDDEN, "error.forbidden")));
        return http.build();
    }

    /**
     * The public portal's pages (tip form, lookup, status and reply, survey): no session is ever created or read, so no
     * session row links a reporter's view of the form to their tip and their lookups. Their forms are still protected
     * against cross-site posting, by a double-submit cookie: the token in an HttpOnly, SameSite=Strict cookie scoped to
     * {@code /public} (Secure behind TLS or with {@code DUDAO_SECURE_COOKIES}) must come back in the form.
     */
    @Bean
    @Order(2)
    SecurityFilterChain publicPages(
            HttpSecurity http,
            @Value("${server.servlet.context-path:}") String contextPath,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(PUBLIC_CSRF_COOKIE);
        tokens.setCookiePath(contextPath + "/public");
        tokens.setCookieCustomizer(cookie -> {
            cookie.sameSite("Strict");
            if (secureCookies) {
                cookie.secure(true);
            }
        });
        http.securityMatcher("/public", "/public/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(tokens))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/public/**",
                                "/locale")
                        .permitAll()
                        .requestMatchers("/login/second-factor/**")
                        .hasAuthority(Authorities.SECOND_FACTOR_PENDING)
                        .anyRequest()
                        .hasAuthority(Authorities.STAFF))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(secondFactorAware())
                        .failureUrl("/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("JSESSIONID", "SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny())
                .xssProtection(x -> x.headerValue(HeaderValue.DISABLED))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"));
    }

    private static AuthenticationSuccessHandler secondFactorAware() {
        var saved = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            if (pendingSecondFactor(authentication)) {
                response.sendRedirect(request.getContextPath() + "/login/second-factor");
            } else {
                saved.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static boolean pendingSecondFactor(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> Authorities.SECOND_FACTOR_PENDING.equals(a.getAuthority()));
    }

    /** Authenticates {@code Authorization: Bearer …}; a wrong or expired token leaves the request anonymous. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final BearerTokens tokens;

        BearerTokenFilter(BearerTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                tokens.authenticate(header.substring(7).trim()).ifPresent(authentication -> {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(authentication);
                    SecurityContextHolder.setContext(context);
                });
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
