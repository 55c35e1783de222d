package com.onboarding.authority;

import com.onboarding.Texts;
import com.onboarding.engine.FailureTranslation;
import com.onboarding.security.PasswordHashing;
import com.onboarding.security.PasswordPolicy;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's part of the authority model: the audited identity provider, Argon2id for administrators' passwords,
 * the product's password rules as Camunda's password policy, refused job executions that cost no retries, and
 * RETRY_JOB for failed jobs only ({@link RetryFailedJobsOnly}), and a password refusal that says the rules.
 */
@Component
class AuthorityEnginePlugin extends AbstractProcessEnginePlugin {

    /** SaveUserCmd's message when a new password breaks the policy. */
    private static final String CAMUNDA_POLICY_REFUSAL = "Password does not match policy";

    private final ObjectProvider<IdentityChangeListener> listener;
    private final PasswordHashing hashing;
    private final PasswordPolicy passwordPolicy;
    private final Texts texts;

    // The listener works with beans that need the engine: it is looked up when the first command runs.
    AuthorityEnginePlugin(ObjectProvider<IdentityChangeListener> listener, PasswordHashing hashing,
            PasswordPolicy passwordPolicy, Texts texts) {
        this.listener = listener;
        this.hashing = hashing;
        this.passwordPolicy = passwordPolicy;
        this.texts = texts;
    }

    /**
     * Camunda checks the permission to execute a job inside the job's own run, so a refused "execute job" call (by
     * anyone who may see the job id) counted as a failed attempt and used up one of the job's retries: anyone could
     * turn another client's mail job into an incident. A refusal is no failure of the job and changes nothing.
     * And the authorization checks become {@link RetryFailedJobsOnly}.
     */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory failures = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory((jobId, failure) -> failure instanceof AuthorizationException
                ? commandContext -> null : failures.getCommand(jobId, failure));
        configuration.getCommandCheckers().replaceAll(checker -> checker.getClass() == AuthorizationCommandChecker.class
                ? new RetryFailedJobsOnly() : checker);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuditedIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new AuditedIdentityProvider(listener.getObject(), () -> hashing.spendTimeOfOneCheck("x"));
            }
        });
        configuration.setPasswordEncryptor(new Argon2PasswordEncryptor(hashing.argon2()));
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new CamundaPasswordPolicy(passwordPolicy));
        FailureTranslation.install(configuration, this::passwordRefusal);
    }

    /**
     * Camunda refuses a password against the policy with a bare ProcessEngineException, which its REST API answers
     * with 500 and a stack trace: as a BadUserRequestException (400) with the rules in the reader's language.
     */
    private RuntimeException passwordRefusal(Command<?> command, RuntimeException failure) {
        if (command instanceof SaveUserCmd && failure.getClass() == ProcessEngineException.class
                && CAMUNDA_POLICY_REFUSAL.equals(failure.getMessage())) {
            return new BadUserRequestException(texts.of("camunda.password.rules", PasswordPolicy.MIN_LENGTH,
                    PasswordPolicy.MAX_LENGTH), failure);
        }
        return failure;
    }
}
