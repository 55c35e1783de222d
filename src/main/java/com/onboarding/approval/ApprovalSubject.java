package com.onboarding.approval;

import com.onboarding.engine.BusinessKey;

/**
 * What a four-eyes approval decides on, implemented by each process that calls it (an invitation, a privilege
 * change). The approval knows nothing of invitations: it checks the answer ({@link FourEyes}) and hands it to the
 * subject of the process that called it. Each method gets the subject's id and the calling process instance, which
 * the subject checks against its own record, so a rewritten key never makes a step act on another subject.
 */
public interface ApprovalSubject {

    /** The key of the process that calls the approval. */
    String processKey();

    /** That process's business keys, which name the subject (the approval it calls carries the same key). */
    BusinessKey businessKey();

    /** Who asked; they may not decide themselves. */
    String requester(long id, String processInstanceId);

    /** The second admin approved: the subject goes ahead (the invitation's link period starts, the role is granted). */
    void approve(long id, String processInstanceId, String approver);

    /** The second admin rejected, with a reason that is kept with the subject and mailed to who asked. */
    void reject(long id, String processInstanceId, String approver, String reason);

    /** Tells who asked that it was rejected, and why. */
    void mailRejection(long id, String processInstanceId);
}
