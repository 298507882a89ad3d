package dudao.platform;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.validation.MessageCodesResolver;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese by default, English on request. Pages keep the choice in a cookie ({@code ?lang=en}); API calls follow
 * {@code Accept-Language} when it names a language Dudao speaks. Each module keeps its own bundle in
 * {@code i18n/<module>/messages*.properties}; all of them are found here, so a new module adds no line anywhere else.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    @Bean
    MessageSource messageSource() throws IOException {
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(bundleBasenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(CHINESE);
        return source;
    }

    static List<String> bundleBasenames() throws IOException {
        var names = new TreeSet<String>();
        for (var resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages.properties")) {
            var url = resource.getURL().toString();
            var module = url.substring(0, url.lastIndexOf('/'));
            names.add("classpath:i18n/" + module.substring(module.lastIndexOf('/') + 1) + "/messages");
        }
        return List.copyOf(names);
    }

    @Bean
    LocalValidatorFactoryBean defaultValidator(MessageSource messageSource) {
        var validator = new LocalValidatorFactoryBean();
        validator.setValidationMessageSource(messageSource);
        return validator;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("DUDAO_LANG");
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            var header = request.getHeader("Accept-Language");
            if (header != null && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                try {
                    var match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                    if (match != null) {
                        return match;
                    }
                } catch (IllegalArgumentException malformed) {
                    return CHINESE;
                }
            }
            return CHINESE;
        });
        return resolver;
    }

    /** Binding errors of enum fields also try {@code typeMismatch.java.lang.Enum} (see {@link TypeMismatch}). */
    @Override
    public MessageCodesResolver getMessageCodesResolver() {
        return new TypeMismatch.Codes();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new PageModelInterceptor());
    }
}
