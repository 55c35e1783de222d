package com.onboarding.invitation;

import com.onboarding.OnboardingProperties;
import com.onboarding.clients.Landing;
import com.onboarding.language.AdminLanguages;
import com.onboarding.links.LinkTokens;
import com.onboarding.mail.MailService;
import com.onboarding.providers.ProviderChoice;
import com.onboarding.providers.ProviderIdentities;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.users.AccessDescriptions;
import com.onboarding.users.UserAccount;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private final AccessDescriptions access;
    private final AdminLanguages languages;
    private final ProviderIdentities providers;
    private final LinkTokens tokens;

    public InvitationMails(MailService mail, MessageSource messages, OnboardingProperties properties,
            IdentityService identity, AccessDescriptions access, AdminLanguages languages,
            ProviderIdentities providers, LinkTokens tokens) {
        this.providers = providers;
        this.tokens = tokens;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.identity = identity;
        this.access = access;
        this.languages = languages;
    }

    /** The same link is always the same mail, so a copy sent again after a crash folds into the first. */
    private String messageId(String token) {
        return tokens.messageId(token, properties.publicBaseUrl().getHost());
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
        mail.send(user.getEmail(), subject, "invitation", locale, model, messageId(token));
    }

    /**
     * A reminder before the link expires. It carries a fresh link (only hashes are stored, so the first link cannot
     * be mailed again), and says that it replaces the links of earlier mails.
     */
    void sendReminder(Invitation invitation, String token) {
        UserAccount user = invitation.getUser();
        Locale locale = user.getLanguage().locale();
        String validUntil = mail.dateTime(invitation.getExpiresAt(), locale);
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", user.getFirstName());
        model.put("inviter", inviterName(invitation.getInvitedBy()));
        model.put("personalTextFirstLine", firstLine(invitation.getPersonalText()));
        model.put("link", registrationLink(token));
        model.put("validUntil", validUntil);
        String subject = messages.getMessage("mail.reminder.subject", new Object[] {validUntil}, locale);
        mail.send(user.getEmail(), subject, "invitation-reminder", locale, model, messageId(token));
    }

    /**
     * Tells the inviter that a second admin rejected their invitation, and why; in the administrators' language.
     * Returns false if the inviter has no mail address (or no longer exists), so nobody can be told.
     */
    boolean sendRejection(Invitation invitation) {
        User inviter = identity.createUserQuery().userId(invitation.getInvitedBy()).singleResult();
        if (inviter == null || inviter.getEmail() == null || inviter.getEmail().isBlank()) {
            return false;
        }
        UserAccount user = invitation.getUser();
        Locale locale = languages.of(inviter.getId());
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", inviter.getFirstName() == null ? inviter.getId() : inviter.getFirstName());
        model.put("invitee", user.getFullName() + " <" + user.getEmail() + ">");
        // What needed the approval: the role and the permissions, sensitive ones marked.
        model.put("access", access.privileges(user.getRole(), user.getPermissions(), locale));
        model.put("approver", inviterName(invitation.getDecidedBy()));
        model.put("reason", invitation.getRejectionReason());
        model.put("link", properties.link(UserAccount.adminPath(user.getId())));
        String subject = messages.getMessage("mail.rejection.subject", new Object[] {user.getFullName()}, locale);
        mail.send(inviter.getEmail(), subject, "invitation-rejected", locale, model);
        return true;
    }

    void sendRegistrationConfirmation(UserAccount user) {
        Locale locale = user.getLanguage().locale();
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", user.getFirstName());
        model.put("email", user.getEmail());
        // Who registered at their company's provider signs in there: the mail's button starts that sign-in.
        Optional<ProviderChoice> provider = providers.signInOf(user.getId());
        model.put("provider", provider.map(ProviderChoice::client).orElse(null));
        model.put("link", properties.link(provider.map(ProviderChoice::startPath).orElse("/login")));
        model.put("landings", Landing.of(user.getClients()));
        String subject = messages.getMessage("mail.confirmation.subject", null, locale);
        mail.send(user.getEmail(), subject, "registration-confirmation", locale, model);
    }

    /** The personal text's first line: a reminder recalls it without repeating all of it. */
    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().lines().findFirst().orElse(null);
    }

    /** The admin as the invitee knows them: the name in Camunda's user directory, else the user id. */
    public String inviterName(String camundaUserId) {
        User admin = identity.createUserQuery().userId(camundaUserId).singleResult();
        return admin == null ? camundaUserId : AdminScopes.displayName(admin);
    }
}
