package com.onboarding.authority;

import com.onboarding.security.PasswordHashing;
import com.onboarding.security.PasswordPolicy;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's part of the authority model: the audited identity provider, Argon2id for administrators' passwords
 * and the product's password rules as Camunda's password policy.
 */
@Component
class AuthorityEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<IdentityChangeListener> listener;
    private final PasswordHashing hashing;
    private final PasswordPolicy passwordPolicy;

    // The listener works with beans that need the engine: it is looked up when the first command runs.
    AuthorityEnginePlugin(ObjectProvider<IdentityChangeListener> listener, PasswordHashing hashing,
            PasswordPolicy passwordPolicy) {
        this.listener = listener;
        this.hashing = hashing;
        this.passwordPolicy = passwordPolicy;
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
    }
}
