package com.onboarding.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Bulk invite, under {@code onboarding.bulk}: {@code rows-per-step} (default 100) rows are invited per job of the
 * process, so a restart repeats at most one step; {@code parallel-invitations} (default 4) of them at once, each in
 * its own transaction.
 */
@Component
@ConfigurationProperties("onboarding.bulk")
public class BulkSettings {

    private int rowsPerStep = 100;
    private int parallelInvitations = 4;

    public int getRowsPerStep() {
        return rowsPerStep;
    }

    public void setRowsPerStep(int rowsPerStep) {
        this.rowsPerStep = atLeastOne("rows-per-step", rowsPerStep);
    }

    public int getParallelInvitations() {
        return parallelInvitations;
    }

    public void setParallelInvitations(int parallelInvitations) {
        this.parallelInvitations = atLeastOne("parallel-invitations", parallelInvitations);
    }

    private static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("onboarding.bulk." + name + " must be at least 1, not " + value);
        }
        return value;
    }
}
