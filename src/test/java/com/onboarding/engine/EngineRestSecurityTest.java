package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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

    @Autowired
    IdentityService identity;

    @Test
    void wrongPasswordIsRefused() {
        // Not demo: Camunda delays an account's next sign-in after a failed one, which would slow other tests.
        String id = "resttest" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(id);
        user.setPassword("Right-Pass-1!");
        identity.saveUser(user);
        ResponseEntity<String> response = rest.withBasicAuth(id, "wrong")
                .getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void camundaUsersMayCallIt() {
        ResponseEntity<String> response = rest.withBasicAuth("demo", DEMO_PASSWORD)
                .getForEntity("/engine-rest/process-definition?key=user-invitation", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"key\":\"user-invitation\"");
    }

    @Test
    void devMailPageIsForThisMachineOnly() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/dev/mails")
                        .with(request -> { request.setRemoteAddr("192.0.2.10"); return request; }))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void devMailPageListsCapturedMails() {
        ResponseEntity<String> response = rest.getForEntity("/dev/mails", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("Captured mails");
    }
}
