package com.onboarding.terms;

import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A registered user whose clients published terms they have not accepted (a new version since they last signed in)
 * sees those terms first: every account page leads to {@code /account/terms} until they accept.
 */
@Component
class TermsGate implements WebMvcConfigurer, HandlerInterceptor {

    static final String TERMS_PAGE = "/account/terms";

    private final Terms terms;
    private final UserAccountRepository users;

    TermsGate(Terms terms, UserAccountRepository users) {
        this.terms = terms;
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/account", "/account/**").excludePathPatterns(TERMS_PAGE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !"GET".equals(request.getMethod())) {
            return true;
        }
        boolean pending = users.findByEmailNormalized(UserAccount.normalizeEmail(signedIn.getName()))
                .map(user -> !terms.pending(user).isEmpty()).orElse(false);
        if (pending) {
            response.sendRedirect(request.getContextPath() + TERMS_PAGE);
            return false;
        }
        return true;
    }
}
