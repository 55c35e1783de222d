package com.onboarding.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.bulk.BulkImports;
import com.onboarding.bulk.BulkInvitationProcess;
import com.onboarding.bulk.BulkSummary;
import com.onboarding.bulk.RowOutcome;
import com.onboarding.scopes.AdminScope;
import com.onboarding.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How fast a 5,000-row file is checked and invited. Not part of `mvn verify` (its name is no *Test); run it with
 * {@code ONBOARDING_TEST_DB=postgres mvn test -Dtest=BulkInviteBenchmark} (without the variable: H2). The steps run
 * one after the other on the test thread, as one job executor thread would run them; the invitation mails are jobs
 * of their own and not counted. It prints rows per second; it asserts only that every row was invited.
 */
class BulkInviteBenchmark extends IntegrationTest {

    static final int ROWS = 5_000;

    @Autowired
    BulkImports imports;

    @Test
    void fiveThousandRows() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("email,first name,last name,language,role,permissions,clients\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("bulk-").append(run).append('-').append(i).append("@example.com,First").append(i % 997)
                    .append(",Last").append(i).append(i % 3 == 0 ? ",de" : ",en").append(",Standard user,")
                    .append(i % 2 == 0 ? "View reports|Export data" : "").append(i % 4 == 0
                            ? ",Acme Corporation|Globex GmbH\n" : ",Acme Corporation\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        AdminScope admin = AdminScope.global("demo");

        long start = System.nanoTime();
        BulkSummary preview = imports.preview("bench.csv", file, "Welcome!", admin);
        double previewSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(preview.count(RowOutcome.READY)).isEqualTo(ROWS);

        start = System.nanoTime();
        long id = preview.bulkImport().getId();
        imports.send(id, admin);
        int steps = 0;
        Job job;
        String instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(BulkInvitationProcess.businessKey(id)).singleResult().getId();
        while ((job = managementService.createJobQuery().processInstanceId(instance).singleResult()) != null) {
            managementService.executeJob(job.getId());
            steps++;
        }
        double inviteSeconds = (System.nanoTime() - start) / 1e9;
        BulkSummary done = imports.summary(id, admin);
        assertThat(done.count(RowOutcome.INVITED)).isEqualTo(ROWS);

        System.out.printf("%nBulk invite, %,d rows (%s, %d cores)%n", ROWS,
                System.getenv().getOrDefault("ONBOARDING_TEST_DB", "h2"), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %8.1f s %8.0f rows/s%n", "preview (read and check)", previewSeconds,
                ROWS / previewSeconds);
        System.out.printf("%-34s %8.1f s %8.0f rows/s  (%d steps)%n", "send (invite, process per row)",
                inviteSeconds, ROWS / inviteSeconds, steps);
    }
}
