package com.onboarding;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

    /** One clock for all application timestamps, so that tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
