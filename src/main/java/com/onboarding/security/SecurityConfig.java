package com.onboarding.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import com.onboarding.Texts;
import com.onboarding.providers.ProviderRegistrations;
import com.onboarding.web.Problems;
import com.onboarding.web.SecurityHeaders;
import com.onboarding.scopes.AdminScope;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String[] PUBLIC = {"/register", "/register/**", "/password-reset", "/password-reset/**",
            "/admin-setup", "/admin-setup/**", "/login", "/login/provider",
            "/css/**", "/js/**", "/error"};

    /**
     * No Micrometer observation around every security filter, authentication and authorization decision: 4 % of
     * the CPU of an API call, for traces nobody collects. Requests are still timed as a whole (http.server.requests)
     * and sign-ins are audited.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Metrics for monitoring: /actuator/prometheus with HTTP Basic, for global admins and process owners (the
     * figures span every client); /actuator/health and its probes (liveness, readiness) answer UP or DOWN to anyone,
     * nothing more.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, SignInProviders signIn) throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationProvider(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .anyRequest().hasAnyAuthority(Roles.group(AdminScope.GLOBAL_GROUP), Roles.group(Roles.PROCESS_OWNERS)))
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * The JSON API: HTTP Basic with an admin's Camunda credentials, no session, so no CSRF exposure. Refusals are
     * problem details like every other API error.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SignInProviders signIn, Problems problems, Texts texts)
            throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authenticationProvider(signIn)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Onboarding\"");
                            // The caller's Accept-Language: the chain answers before Spring MVC resolves a locale.
                            problems.write(response, problems.of(HttpStatus.UNAUTHORIZED,
                                    texts.of(request.getLocale(), "api.signIn"), null));
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(response,
                                problems.of(HttpStatus.FORBIDDEN, texts.of(request.getLocale(), "api.adminsOnly"), null))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * The engine REST API: HTTP Basic with a Camunda account, through the same sign-in as everything else
     * (throttle, audit, equal timing), no session. Camunda's own filter then makes the signed-in admin the engine's
     * authenticated user (container-based authentication, see EngineConfig), so Camunda's authorizations decide
     * what they may do. /identity/verify would let any admin test other people's passwords without the throttle.
     */
    @Bean
    @Order(2)
    SecurityFilterChain engineRestSecurity(HttpSecurity http, SignInProviders signIn) throws Exception {
        // Jersey, not Spring MVC, serves /engine-rest: plain path matchers.
        http.securityMatcher(antMatcher("/engine-rest/**"))
                .authenticationProvider(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(antMatcher("/engine-rest/identity/verify")).denyAll()
                        .anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Pages: one form sign-in for the admin screens, the user's account page and, through Camunda's
     * container-based authentication, Tasklist and Cockpit. The Camunda webapps keep their own CSRF protection.
     */
    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, SignInProviders signIn, PasskeySignIn passkeySignIn,
            ProviderSignIn providerSignIn, ProviderRegistrations providers) throws Exception {
        // Sign-in at a client's own identity provider: the authorization code flow with PKCE and (OpenID) a nonce.
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                providers, ProviderRegistrations.START_PATH.substring(0, ProviderRegistrations.START_PATH.length() - 1));
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        // Passkey sign-in (Spring Security's WebAuthn filters, passkeys.PasskeyConfig): users only.
        http.setSharedObject(UserDetailsService.class, passkeySignIn.users());
        http.authenticationProvider(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        // Development mailbox (exists only with the in-process SMTP server): this machine only,
                        // since captured mails hold working links.
                        .requestMatchers("/dev/mails", "/dev/mails/**")
                        .access(new WebExpressionAuthorizationManager("hasIpAddress('127.0.0.1') or hasIpAddress('::1')"))
                        .requestMatchers(antMatcher("/camunda/api/engine/engine/*/identity/verify")).denyAll()
                        // Spring Security 6.5 deletes any passkey by its id there, whoever owns it: passkeys are
                        // removed on the account page (AccountController), which checks the owner.
                        .requestMatchers(HttpMethod.DELETE, "/webauthn/register/**").denyAll()
                        .requestMatchers("/webauthn/register", "/webauthn/register/**").hasRole(Roles.USER)
                        .requestMatchers("/camunda/**", "/users/**", "/clients/**", "/admins/**", "/webhooks/**", "/dashboard", "/versions",
                                "/versions/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers("/account/**").hasRole(Roles.USER)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfig::denied))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .webAuthn(webAuthn -> webAuthn.disableDefaultRegistrationPage(true))
                .oauth2Login(login -> login.loginPage("/login")
                        .clientRegistrationRepository(providers)
                        .authorizedClientRepository(providerSignIn.authorizedClients)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .successHandler(providerSignIn)
                        .failureHandler(providerSignIn))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                // Tokens travel in link URLs: never leak them to other sites through the Referer header.
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(CAPTURED_MAIL,
                                new ContentSecurityPolicyHeaderWriter(CAPTURED_MAIL_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(
                                new OrRequestMatcher(antMatcher("/camunda/**"), CAPTURED_MAIL)),
                                new ContentSecurityPolicyHeaderWriter(SecurityHeaders.PAGE_POLICY)))
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER))
                        // Cockpit and Tasklist embed their own pages in frames.
                        .frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /** A captured mail's HTML, shown on this origin: its inline styles, nothing else, in a sandbox. */
    static final String CAPTURED_MAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
    static final RequestMatcher CAPTURED_MAIL = antMatcher("/dev/mails/*");

    /** Forms submitted with a link token whose session was lost: explained, with the entries kept. */
    static final Set<String> TOKEN_FORMS = Set.of("/register", "/password-reset", "/admin-setup");

    /**
     * A registration or reset form whose session expired while the person typed fails its CSRF check. Instead of a
     * bare 403, the form comes back with their entries (not the password) and a sentence on what happened; nothing
     * was saved. Everything else refused gets the error page.
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        if (denied instanceof CsrfException && "POST".equals(request.getMethod())
                && TOKEN_FORMS.contains(request.getServletPath())) {
            request.getRequestDispatcher(request.getServletPath() + "/session-expired").forward(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /**
     * The Camunda webapps trust the Spring Security sign-in (request.getUserPrincipal()): no second login for
     * Tasklist and Cockpit.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignIn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-container-based-authentication");
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder(PasswordHashing hashing) {
        return hashing.encoder();
    }
}
