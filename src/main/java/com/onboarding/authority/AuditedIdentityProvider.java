package com.onboarding.authority;

import java.util.function.Consumer;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity provider with three changes:
 * <ul>
 *   <li>every change of a user, group or membership is reported to the {@link IdentityChangeListener} (audit log,
 *       scopes and grants of deleted users);</li>
 *   <li>Camunda's own per-user lock-out is off: it answers a locked, existing name without checking the password
 *       (a timing difference that tells which names exist) and locks an account for good after ten guesses (anyone
 *       could lock out every admin). The application's sign-in throttle counts every name, existing or not;</li>
 *   <li>a password stored with an older algorithm (Camunda's salted SHA-512) is re-hashed with the default
 *       encryptor (Argon2id) when its owner signs in successfully.</li>
 * </ul>
 */
class AuditedIdentityProvider extends DbIdentityServiceProvider {

    private final IdentityChangeListener listener;
    private final Runnable equalTimeCheck;

    AuditedIdentityProvider(IdentityChangeListener listener, Runnable equalTimeCheck) {
        this.listener = listener;
        this.equalTimeCheck = equalTimeCheck;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        boolean newPassword = user instanceof UserEntity entity && entity.hasNewPassword();
        IdentityOperationResult result = super.saveUser(user);
        if (IdentityOperationResult.OPERATION_CREATE.equals(result.getOperation())) {
            report(actor -> listener.userCreated(actor, user.getId()));
        } else if (IdentityOperationResult.OPERATION_UPDATE.equals(result.getOperation())) {
            report(actor -> listener.userChanged(actor, user.getId(), newPassword));
        }
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        IdentityOperationResult result = super.deleteUser(userId);
        if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
            report(actor -> listener.userDeleted(actor, userId));
        }
        return result;
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        IdentityOperationResult result = super.createMembership(userId, groupId);
        report(actor -> listener.membershipCreated(actor, userId, groupId));
        return result;
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        IdentityOperationResult result = super.deleteMembership(userId, groupId);
        if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
            report(actor -> listener.membershipDeleted(actor, userId, groupId));
        }
        return result;
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
        IdentityOperationResult result = super.saveGroup(group);
        if (IdentityOperationResult.OPERATION_CREATE.equals(result.getOperation())) {
            report(actor -> listener.groupCreated(actor, group.getId()));
        }
        return result;
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        IdentityOperationResult result = super.deleteGroup(groupId);
        if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
            report(actor -> listener.groupDeleted(actor, groupId));
        }
        return result;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        UserEntity user = findUserById(userId);
        if (user == null || password == null) {
            return false;
        }
        boolean current = user.getPassword() != null && user.getPassword().startsWith(
                "{" + Context.getProcessEngineConfiguration().getPasswordEncryptor().hashAlgorithmName() + "}");
        if (!current) {
            // An old, fast hash: spend the time of a current one, so that timing does not single these accounts out.
            equalTimeCheck.run();
        }
        boolean matches = matchPassword(password, user);
        if (matches && !current) {
            user.setPassword(password);
            user.encryptPassword();
        }
        return matches;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        return false;
    }

    @Override
    protected void lockUser(UserEntity user) {
        // See the class comment: the application's throttle takes this role.
    }

    /** Reports with the command's authenticated user, outside authorization checks (the change itself was checked). */
    private static void report(Consumer<String> event) {
        var commandContext = Context.getCommandContext();
        commandContext.runWithoutAuthorization(() -> {
            event.accept(commandContext.getAuthenticatedUserId());
            return null;
        });
    }
}
