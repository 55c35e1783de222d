package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The engine REST API is never open to anonymous callers. */
class EngineRestSecurityTest extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void anonymousCallsAreRefused() {
        ResponseEntity<String> response = rest.getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordIsRefused() {
        ResponseEntity<String> response = rest.withBasicAuth("demo", "wrong")
                .getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void camundaUsersMayCallIt() {
        ResponseEntity<String> response = rest.withBasicAuth("demo", "demo")
                .getForEntity("/engine-rest/process-definition?key=user-invitation", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"key\":\"user-invitation\"");
    }

    @Test
    void devMailPageListsCapturedMails() {
        ResponseEntity<String> response = rest.getForEntity("/dev/mails", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("Captured mails");
    }
}
