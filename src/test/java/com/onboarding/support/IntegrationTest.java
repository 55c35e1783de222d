package com.onboarding.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.onboarding.clients.ClientRepository;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.invitation.InvitationRequest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that run the whole application (one shared Spring context): H2 in memory, or PostgreSQL
 * with ONBOARDING_TEST_DB=postgres; the job executor is off and tests execute jobs themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
// Metrics export is off in tests by default; the funnel metrics are part of the product.
@AutoConfigureObservability
@ActiveProfiles("test")
@Import(IntegrationTest.TestClockConfig.class)
public abstract class IntegrationTest {

    /** The development admin's password (application-test.yaml); it follows the product's password rules. */
    protected static final String DEMO_PASSWORD = "Onboard-Me-1";

    private static final Pattern LINK_TOKEN = Pattern.compile("https://onboarding\\.test/register\\?token=([A-Za-z0-9_-]{43})");

    @TestConfiguration
    static class TestClockConfig {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected GreenMail greenMail;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected ClientRepository clients;
    @Autowired
    protected InvitationRepository invitations;

    @BeforeEach
    void resetSharedState() throws Exception {
        BpmnAwareTests.init(processEngine);
        greenMail.purgeEmailFromAllMailboxes();
        clock.reset();
        // The demo admin's language choice is an account setting; each test starts from the browser's language.
        processEngine.getIdentityService().deleteUserInfo("demo", "language");
    }

    /** A valid request for a fresh address, assigned to the first demo client. */
    protected InvitationRequest validRequest() {
        return new InvitationRequest(uniqueEmail(), "Anna", "Berg", "en", "Welcome aboard, Anna!", "STANDARD",
                List.of("VIEW_REPORTS"), List.of(clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId()), "demo");
    }

    /** A complete registration form for this link: the invitee keeps their data and chooses this password. */
    protected static com.onboarding.registration.RegistrationForm registrationForm(String token, String password) {
        com.onboarding.registration.RegistrationForm form = new com.onboarding.registration.RegistrationForm();
        form.setToken(token);
        form.setFirstName("Anna");
        form.setLastName("Berg");
        form.setLanguage("en");
        form.setPassword(password);
        form.setPasswordConfirmation(password);
        return form;
    }

    /** The registration page's form as the invitee submits it: their data as invited, this password twice. */
    protected static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder postRegistration(
            String token, String password) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/register")
                .locale(java.util.Locale.ENGLISH)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("token", token).param("firstName", "Ina").param("lastName", "Vogel").param("language", "en")
                .param("password", password).param("passwordConfirmation", password);
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected Invitation invitation(long id) {
        return invitations.findById(id).orElseThrow();
    }

    protected ProcessInstance processOf(long invitationId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(InvitationProcess.KEY)
                .processInstanceBusinessKey(InvitationProcess.businessKey(invitationId)).singleResult();
    }

    /** The invitation's open task, its four-eyes approval's included (the approval carries its business key). */
    protected org.camunda.bpm.engine.task.Task openTaskOf(long invitationId) {
        return processEngine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(InvitationProcess.businessKey(invitationId)).singleResult();
    }

    /** The four-eyes approval that this instance called and waits for (bpmn/four-eyes-approval.bpmn). */
    protected ProcessInstance approvalCalledBy(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).singleResult();
    }

    /**
     * The job executor is off in tests: runs the jobs the query finds due, and those they bring due, as it would,
     * until none is left.
     */
    protected void runDueJobs(java.util.function.Supplier<List<Job>> due) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = due.get();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs still due after 20 rounds: " + due.get());
    }

    /** Runs the due jobs of every instance of a process, as the job executor would. */
    protected void runDueJobs(String processKey) {
        runDueJobs(() -> managementService.createJobQuery().processDefinitionKey(processKey).executable().list());
    }

    protected Job job(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    }

    protected void executeJob(String processInstanceId, String activityId) {
        Job job = job(processInstanceId, activityId);
        assertThat(job).as("job at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    protected List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> GreenMailUtil.getAddressList(uncheckedRecipients(m)).contains(email))
                .toList();
    }

    /** The registration token in the newest mail to this address. */
    protected String latestToken(String email) {
        return latestToken(email, LINK_TOKEN);
    }

    /** The token of a link of this kind (the pattern's first group) in the newest mail to this address. */
    protected String latestToken(String email, Pattern link) {
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).as("mails to " + email).isNotEmpty();
        Matcher matcher = link.matcher(textPart(mails.get(mails.size() - 1)));
        assertThat(matcher.find()).as("mail contains a link " + link).isTrue();
        return matcher.group(1);
    }

    /** The decoded text/plain part of a mail. */
    protected static String textPart(MimeMessage message) {
        return Mails.text(message);
    }

    /** The decoded text/html part of a mail. */
    protected static String htmlPart(MimeMessage message) {
        return Mails.html(message);
    }

    private static jakarta.mail.Address[] uncheckedRecipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
