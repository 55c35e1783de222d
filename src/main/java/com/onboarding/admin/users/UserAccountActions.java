package com.onboarding.admin.users;

import com.onboarding.account.PasswordResets;
import com.onboarding.audit.SecurityReports;
import com.onboarding.privacy.PersonalDataDeletion;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.users.UserAccount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to a user's account rather than their invitation: a password reset link, the security report,
 * deletion. Users outside the admin's scope do not exist here either ({@link UserDirectory}).
 */
@Service
public class UserAccountActions {

    private final UserDirectory directory;
    private final PasswordResets passwordResets;
    private final SecurityReports securityReports;
    private final AdminScopes adminScopes;
    private final PersonalDataDeletion personalData;

    UserAccountActions(UserDirectory directory, PasswordResets passwordResets, SecurityReports securityReports,
            AdminScopes adminScopes, PersonalDataDeletion personalData) {
        this.directory = directory;
        this.passwordResets = passwordResets;
        this.securityReports = securityReports;
        this.adminScopes = adminScopes;
        this.personalData = personalData;
    }

    /** Mails the user a single-use reset link. */
    @Transactional
    public UserRow resetPassword(long userId, AdminScope scope) {
        UserAccount user = directory.get(userId, scope);
        passwordResets.issue(user, scope.adminId());
        return directory.row(userId, scope);
    }

    /** Mails the requesting admin the user's security report. */
    @Transactional
    public UserRow requestSecurityReport(long userId, AdminScope scope) {
        UserAccount user = directory.get(userId, scope);
        securityReports.send(userId, user.getFullName() + " <" + user.getEmail() + ">", scope.adminId(),
                adminScopes.emailOf(scope.adminId()));
        return directory.row(userId, scope);
    }

    /** Deletes the user and their personal data everywhere (see PersonalDataDeletion). */
    @Transactional
    public UserRow delete(long userId, AdminScope scope) {
        UserRow gone = directory.row(userId, scope);
        personalData.delete(directory.get(userId, scope), scope.adminId());
        return gone;
    }
}
