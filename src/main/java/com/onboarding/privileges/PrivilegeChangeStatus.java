package com.onboarding.privileges;

/** Where a requested privilege change stands; the process {@code bpmn/privilege-change.bpmn} decides it. */
public enum PrivilegeChangeStatus {
    /** Waiting for another global admin's decision; the user keeps their role and permissions meanwhile. */
    PENDING,
    /** Approved and applied. */
    APPROVED,
    /** Rejected with a reason, which the requesting admin is told. */
    REJECTED,
    /** Replaced by a newer edit of the same user before anyone decided. */
    WITHDRAWN
}
