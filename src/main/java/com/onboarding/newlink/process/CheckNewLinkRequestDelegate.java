package com.onboarding.newlink.process;

import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.users.UserAccount;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Check the request": whether anyone needs to act, and who. The address is deleted here. */
@Component("checkNewLinkRequest")
class CheckNewLinkRequestDelegate implements JavaDelegate {

    private final NewLinkChecks checks;

    CheckNewLinkRequestDelegate(NewLinkChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<NewLinkChecks.Eligible> eligible = checks.check(NewLinkRequestProcess.REQUEST_ID.get(execution),
                execution.getProcessInstanceId());
        NewLinkRequestProcess.ELIGIBLE.set(execution, eligible.isPresent());
        eligible.ifPresent(request -> {
            execution.setProcessBusinessKey(NewLinkRequestProcess.businessKey(request.userId()));
            NewLinkRequestProcess.USER_ID.set(execution, request.userId());
            NewLinkRequestProcess.INVITATION_ID.set(execution, request.invitationId());
            NewLinkRequestProcess.RECIPIENT.set(execution, request.recipient());
            NewLinkRequestProcess.USER_LINK.set(execution, UserAccount.adminPath(request.userId()));
        });
    }
}
