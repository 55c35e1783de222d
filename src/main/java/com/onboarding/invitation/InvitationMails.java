package com.onboarding.invitation;

import com.onboarding.OnboardingProperties;
import com.onboarding.mail.MailService;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.users.UserAccount;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The mails of the invitation lifecycle, in the invitee's language. */
@Component
public class InvitationMails {

    private final MailService mail;
    private final MessageSource messages;
    private final OnboardingProperties properties;
    private final IdentityService identity;

    public InvitationMails(MailService mail, MessageSource messages, OnboardingProperties properties,
            IdentityService identity) {
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.identity = identity;
    }

    /** The registration link for a token; always built from the configured public base URL. */
    public String registrationLink(String token) {
        return properties.link(UriComponentsBuilder.fromPath("/register").queryParam("token", token).toUriString());
    }

    void sendInvitation(Invitation invitation, String token) {
        UserAccount user = invitation.getUser();
        Locale locale = user.getLanguage().locale();
        String inviter = inviterName(invitation.getInvitedBy());
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", user.getFirstName());
        model.put("inviter", inviter);
        model.put("personalText", invitation.getPersonalText());
        model.put("link", registrationLink(token));
        model.put("validUntil", mail.dateTime(invitation.getExpiresAt(), locale));
        String subject = messages.getMessage("mail.invitation.subject", new Object[] {inviter}, locale);
        mail.send(user.getEmail(), subject, "invitation", locale, model);
    }

    void sendRegistrationConfirmation(UserAccount user) {
        Locale locale = user.getLanguage().locale();
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", user.getFirstName());
        model.put("email", user.getEmail());
        String subject = messages.getMessage("mail.confirmation.subject", null, locale);
        mail.send(user.getEmail(), subject, "registration-confirmation", locale, model);
    }

    /** The admin as the invitee knows them: the name in Camunda's user directory, else the user id. */
    String inviterName(String camundaUserId) {
        User admin = identity.createUserQuery().userId(camundaUserId).singleResult();
        return admin == null ? camundaUserId : AdminScopes.displayName(admin);
    }
}
