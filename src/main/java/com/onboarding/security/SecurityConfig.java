package com.onboarding.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Public: the registration pages, static assets and (dev only) the captured mails. The Camunda webapps
     * (/camunda) bring their own login and CSRF protection; /engine-rest is guarded by Camunda's
     * authentication filter (see EngineConfig). Everything else is closed until it has its own rules.
     */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/register", "/register/**", "/css/**", "/js/**", "/error").permitAll()
                        .requestMatchers("/dev/mails", "/dev/mails/**").permitAll()
                        .requestMatchers("/camunda/**", "/engine-rest/**").permitAll()
                        .requestMatchers("/").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**"))
                // Tokens travel in link URLs: never leak them to other sites through the Referer header.
                .headers(headers -> headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /** Argon2id for new passwords; the {id} prefix lets a future algorithm take over without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
