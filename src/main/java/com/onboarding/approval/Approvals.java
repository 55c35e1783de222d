package com.onboarding.approval;

import com.onboarding.approval.FourEyes.Decision;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the four-eyes approval ({@code bpmn/four-eyes-approval.bpmn}), for whichever process asked: the
 * answer is checked once ({@link FourEyes}) and applied by the asking process's {@link ApprovalSubject}.
 */
@Service
public class Approvals {

    /**
     * The process instance that asks for the approval: its process key, its id, and the id of its subject. Only an
     * instance of a process that has a subject may ask: an approval started on its own decides nothing.
     */
    public record Asking(String processKey, String processInstanceId, Long subjectId) {
    }

    private final List<ApprovalSubject> subjects;
    private final FourEyes fourEyes;

    Approvals(List<ApprovalSubject> subjects, FourEyes fourEyes) {
        this.subjects = subjects;
        this.fourEyes = fourEyes;
    }

    /** The subject of the process with this key; refused for any other process. */
    public ApprovalSubject subjectOf(String processKey) {
        return subjects.stream().filter(subject -> subject.processKey().equals(processKey)).findFirst()
                .orElseThrow(() -> new AuthorizationException(
                        "A four-eyes approval decides only what an invitation or a privilege change asks for; "
                                + processKey + " asks for nothing."));
    }

    /**
     * "Record the decision": the answer of the approval task, checked by the four-eyes rule, applied to the subject.
     * Returns whether it was approved.
     */
    @Transactional
    public boolean record(Asking asking, String decision, String reason) {
        ApprovalSubject subject = subjectOf(asking.processKey());
        long id = asking.subjectId();
        Decision checked = fourEyes.decide(subject.requester(id, asking.processInstanceId()), decision, reason);
        if (checked.approved()) {
            subject.approve(id, asking.processInstanceId(), checked.approver());
        } else {
            subject.reject(id, asking.processInstanceId(), checked.approver(), checked.reason());
        }
        return checked.approved();
    }

    /** "Tell who asked": the rejection and its reason, by mail. */
    @Transactional
    public void mailRejection(Asking asking) {
        subjectOf(asking.processKey()).mailRejection(asking.subjectId(), asking.processInstanceId());
    }
}
