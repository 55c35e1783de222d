package com.onboarding.privileges.process;

import com.onboarding.OnboardingProperties;
import com.onboarding.language.AdminLanguages;
import com.onboarding.mail.MailService;
import com.onboarding.privileges.PrivilegeChange;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.users.AccessDescriptions;
import com.onboarding.users.UserAccount;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mail of a rejected privilege change, to the admin who asked, in the administrators' language. */
@Component
class PrivilegeMails {

    private final MailService mail;
    private final MessageSource messages;
    private final OnboardingProperties properties;
    private final AdminScopes adminScopes;
    private final AccessDescriptions access;
    private final AdminLanguages languages;

    PrivilegeMails(MailService mail, MessageSource messages, OnboardingProperties properties, AdminScopes adminScopes,
            AccessDescriptions access, AdminLanguages languages) {
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.adminScopes = adminScopes;
        this.access = access;
        this.languages = languages;
    }

    /** Returns false if the requester has no mail address (or no longer exists), so nobody can be told. */
    boolean sendRejection(PrivilegeChange change) {
        User requester = adminScopes.camundaUser(change.getRequestedBy());
        if (requester == null || requester.getEmail() == null || requester.getEmail().isBlank()) {
            return false;
        }
        UserAccount user = change.getUser();
        Locale locale = languages.of(requester.getId());
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", requester.getFirstName() == null ? requester.getId() : requester.getFirstName());
        model.put("approver", adminName(change.getDecidedBy()));
        model.put("user", user.getFullName() + " <" + user.getEmail() + ">");
        model.put("change", access.privileges(change.getRole(), change.getPermissions(), locale));
        model.put("reason", change.getRejectionReason());
        model.put("link", properties.link(UserAccount.adminPath(user.getId())));
        String subject = messages.getMessage("mail.privilegeRejection.subject", new Object[] {user.getFullName()},
                locale);
        mail.send(requester.getEmail(), subject, "privilege-change-rejected", locale, model);
        return true;
    }

    /** The admin's name in Camunda's user directory, else their id. */
    String adminName(String adminId) {
        User admin = adminScopes.camundaUser(adminId);
        return admin == null ? adminId : AdminScopes.displayName(admin);
    }
}
