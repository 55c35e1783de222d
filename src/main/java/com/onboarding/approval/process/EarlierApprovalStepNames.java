package com.onboarding.approval.process;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names the approval steps had before the approval was one process (four-eyes-approval.bpmn): versions of
 * user-invitation and privilege-change deployed then still call them while their instances wait for an approval,
 * which cannot move into a call activity (ModelGuard stops the start when a running version needs a missing bean).
 * Remove a name once no instance of those versions runs (Process versions shows them).
 */
@Configuration(proxyBeanMethods = false)
class EarlierApprovalStepNames {

    @Bean
    static BeanFactoryPostProcessor earlierApprovalStepAliases() {
        return factory -> {
            factory.registerAlias("recordApprovalDecision", "recordApproval");
            factory.registerAlias("recordApprovalDecision", "recordPrivilegeDecision");
            factory.registerAlias("mailApprovalRejection", "mailRejection");
            factory.registerAlias("mailApprovalRejection", "mailPrivilegeRejection");
        };
    }
}
