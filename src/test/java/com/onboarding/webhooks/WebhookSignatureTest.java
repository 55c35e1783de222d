package com.onboarding.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification defines them, checked against its published example. */
class WebhookSignatureTest {

    @Test
    void theSpecificationsExampleSignsAsPublished() {
        // standard-webhooks/standard-webhooks, spec/standard-webhooks.md and the reference libraries' tests.
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void secretsAreLongRandomAndInTheSpecificationsFormat() {
        String one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSize("whsec_".length() + 44).isNotEqualTo(WebhookSignature.newSecret());
        assertThat(WebhookSignature.newMessageId()).startsWith("msg_").isNotEqualTo(WebhookSignature.newMessageId());
    }
}
