package com.onboarding.admin.scopes;

import com.onboarding.NotFoundException;
import com.onboarding.OnboardingProperties;
import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.engine.EngineActor;
import com.onboarding.links.StoredLinks;
import com.onboarding.mail.MailService;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.security.NewPasswordRules;
import com.onboarding.users.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Administrators added from the product (Administrators screen, POST /api/admins), invitation-style: a global admin
 * names the account, its email and its scope (every client, or some clients and the permissions they may grant);
 * the account exists at once without a usable password, and a single-use link valid 7 days lets the new
 * administrator set their own. Camunda Admin stays for Camunda's own settings.
 */
@Service
public class AdminAccounts {

    /** Camunda user ids as the Modeler, Tasklist and /engine-rest take them without escaping. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_NAME = 100;

    /** A new administrator: global (camunda-admin), or the clients and grantable permissions named. */
    public record NewAdmin(String id, String firstName, String lastName, String email, boolean global,
            List<Long> clientIds, List<String> permissionCodes) {
    }

    private final AdminScopes scopes;
    private final AdminSetupLinks links;
    private final NewPasswordRules newPasswords;
    private final MailService mail;
    private final OnboardingProperties properties;
    private final Texts text;
    private final EngineActor engineActor;

    AdminAccounts(AdminScopes scopes, AdminSetupLinks links, NewPasswordRules newPasswords, MailService mail,
            OnboardingProperties properties, Texts text, EngineActor engineActor) {
        this.scopes = scopes;
        this.links = links;
        this.newPasswords = newPasswords;
        this.mail = mail;
        this.properties = properties;
        this.text = text;
        this.engineActor = engineActor;
    }

    /** Adds the account and mails its set-up link; bad input is refused at its field with nothing created. */
    @Transactional
    public void add(NewAdmin admin, AdminScope actor) {
        actor.requireGlobal("add administrators");
        List<Problem> problems = new ArrayList<>();
        String id = admin.id() == null ? "" : admin.id().strip();
        if (!ID.matcher(id).matches()) {
            problems.add(new Problem("id", text.of("adminNew.idInvalid")));
        } else if (scopes.exists(id)) {
            problems.add(new Problem("id", text.of("adminNew.idTaken", id)));
        }
        String firstName = required(admin.firstName(), "firstName", problems);
        String lastName = required(admin.lastName(), "lastName", problems);
        if (EmailAddress.problem(admin.email()).isPresent()) {
            problems.add(new Problem("email", text.of("adminNew.emailInvalid")));
        }
        if (!admin.global() && (admin.clientIds() == null || admin.clientIds().isEmpty())) {
            problems.add(new Problem("clientIds", text.of("adminNew.noScope")));
        }
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(text.of("adminNew.notAdded"), problems);
        }
        // As the adding admin: the engine's audit of the new account names them.
        engineActor.runAs(actor.adminId(), () -> {
            scopes.createAccount(id, firstName, lastName, admin.email().strip(), admin.global());
            return null;
        });
        if (!admin.global()) {
            // Unknown clients or permissions are refused there, and the account goes with the transaction.
            scopes.update(id, admin.clientIds(), admin.permissionCodes() == null ? List.of() : admin.permissionCodes(),
                    actor);
        }
        sendLink(id, actor.adminId());
    }

    /** A new set-up link for an administrator (the older ones stop working), e.g. when the first expired. */
    @Transactional
    public void newLink(String adminId, AdminScope actor) {
        actor.requireGlobal("add administrators");
        if (!scopes.exists(adminId)) {
            throw new NotFoundException("Administrator", adminId);
        }
        sendLink(adminId, actor.adminId());
    }

    private void sendLink(String adminId, String createdBy) {
        StoredLinks.Issued link = links.issue(adminId, createdBy);
        AdminScopes.Contact contact = scopes.contact(adminId);
        // The language the adding admin works in: most likely the new colleague's too.
        Locale locale = LocaleContextHolder.getLocale();
        mail.send(contact.email(), text.of(locale, "mail.adminSetup.subject"), "admin-setup", locale,
                Map.of("firstName", contact.firstName(), "adminId", adminId, "addedBy", createdBy,
                        "link", properties.link(UriComponentsBuilder.fromPath("/admin-setup")
                                .queryParam("token", link.token()).toUriString()),
                        "validUntil", mail.dateTime(link.validUntil(), locale)));
    }

    /** The account whose link this is, if the link works now (anything else: the same "not usable"). */
    @Transactional(readOnly = true)
    public String open(String token) {
        return links.open(token, false).getAdminId();
    }

    /** Sets the administrator's own password through their link, which then stops working. */
    @Transactional
    public void setPassword(String token, String password, String confirmation) {
        AdminSetupLink link = links.open(token, true);
        List<Problem> problems = newPasswords.problems(password, confirmation, scopes.emailOf(link.getAdminId()));
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(text.of("adminSetup.notSet"), problems);
        }
        // As the administrator themselves, who is not signed in yet: the audit names them.
        engineActor.runAs(link.getAdminId(), () -> {
            scopes.setPassword(link.getAdminId(), password);
            return null;
        });
        links.used(link);
    }

    private String required(String value, String field, List<Problem> problems) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            problems.add(new Problem(field, text.of("adminNew." + field + "Invalid", MAX_NAME)));
        }
        return stripped;
    }
}
