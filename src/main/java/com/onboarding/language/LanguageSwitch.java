package com.onboarding.language;

import com.onboarding.users.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch in every page's header: {@code ?lang=de} on any page of the application (not the Camunda
 * webapps, which have their own) chooses the language for the person. The page fragment asks for its links
 * ({@code @languageSwitch.choices()}) when it is drawn, so JSON responses and error pages need nothing from here.
 */
@Configuration("languageSwitch")
public class LanguageSwitch implements WebMvcConfigurer {

    /** One entry of the switch: the language, the current page in it, whether it is the current one. */
    public record Choice(String code, String name, String href, boolean current) {
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    /** The current page in each language. */
    public List<Choice> choices() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        Locale locale = LocaleContextHolder.getLocale();
        // The current page again: a GET keeps its query (a registration link keeps its token), a POST's page reloads.
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        UriComponentsBuilder here = UriComponentsBuilder.fromPath(request.getRequestURI()).query(query);
        return Arrays.stream(Language.values()).map(language -> new Choice(language.code(), language.displayName(),
                here.cloneBuilder().replaceQueryParam("lang", language.code()).build().toUriString(),
                language.code().equals(locale.getLanguage()))).toList();
    }
}
