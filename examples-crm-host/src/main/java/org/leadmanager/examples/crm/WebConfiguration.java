package org.leadmanager.examples.crm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The screens' language (German unless {@code ?lang=en} chose English for the session) and the sign-in every
 * screen but the sign-in page needs.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    /** The language kept in the session; German, as the help page, until the user picks another. */
    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocale(Locale.GERMAN);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        registry.addInterceptor(language);
        registry.addInterceptor(new SignInRequired()).excludePathPatterns("/login", "/app.css", "/error");
    }

    /** Sends anyone not signed in to the sign-in page. */
    static final class SignInRequired implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            if (SignIn.user(request.getSession(false)).isPresent()) {
                return true;
            }
            response.sendRedirect(request.getContextPath() + "/login");
            return false;
        }
    }
}
