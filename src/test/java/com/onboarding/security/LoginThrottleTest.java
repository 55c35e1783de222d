package com.onboarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void blocksANameAfterFiveFailuresForFifteenMinutes_ignoringCase() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Anna@Example.com");
        }
        assertThat(throttle.isBlocked("anna@example.com")).isFalse();
        throttle.failed("anna@example.com ");
        assertThat(throttle.isBlocked("ANNA@example.com")).isTrue();
        assertThat(throttle.isBlocked("bert@example.com")).isFalse();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.isBlocked("anna@example.com")).isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsTheFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("anna");
        }
        throttle.succeeded("anna");
        throttle.failed("anna");
        assertThat(throttle.isBlocked("anna")).isFalse();
    }

    @Test
    void memoryStaysBoundedUnderASprayOfNames() {
        for (int i = 0; i <= LoginThrottle.MAX_NAMES; i++) {
            throttle.failed("name-" + i);
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("one-more");
        assertThat(throttle.rememberedNames()).isEqualTo(1);
    }
}
