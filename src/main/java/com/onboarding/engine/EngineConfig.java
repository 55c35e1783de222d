package com.onboarding.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfig {

    private static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";

    static {
        // The engine parses every timer's ISO-8601 duration with a new DatatypeFactory, which JAXP looks up through
        // a ServiceLoader scan of the whole classpath: 5 % of the CPU of an invitation (two timers each). Naming
        // the JDK's own implementation skips the scan. An explicit setting wins.
        if (System.getProperty(DATATYPE_FACTORY) == null) {
            System.setProperty(DATATYPE_FACTORY,
                    "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
        }
    }

    /**
     * Registers {@link PersonalDataHistoryLevel} with the variables the processes declare personal;
     * camunda.bpm.history-level selects it.
     */
    @Bean
    ProcessEnginePlugin personalDataHistoryLevelPlugin(List<ProcessVariables> processes) {
        Set<String> personal = processes.stream().flatMap(process -> process.declared().stream())
                .filter(ProcessVariable::personal).map(ProcessVariable::name).collect(Collectors.toSet());
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getCustomHistoryLevels() == null) {
                    configuration.setCustomHistoryLevels(new ArrayList<>());
                }
                configuration.getCustomHistoryLevels().add(new PersonalDataHistoryLevel(personal));
            }
        };
    }

    /**
     * MyBatis keeps every {@code <sql>} fragment of the engine's mappings as XML, in case more mappings are added
     * later, and with it the whole DOM of each mapping file: 16 MB of the 104 MB of live objects after start.
     * The engine adds no mappings once it is built, so the fragments go once every statement is resolved.
     */
    @Bean
    ProcessEnginePlugin releaseMappingXml() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                org.apache.ibatis.session.Configuration mappings =
                        configuration.getSqlSessionFactory().getConfiguration();
                mappings.getMappedStatementNames(); // resolves the statements still waiting for a fragment
                mappings.getSqlFragments().clear();
            }
        };
    }

    /** The engine's id check on insert without its message built every time (see the class). */
    @Bean
    ProcessEnginePlugin idCheckBeforeMessage() {
        return new IdCheckBeforeMessage();
    }

    /** Job acquisition by due date, with its index (see the class). */
    @Bean
    ProcessEnginePlugin dueDateJobAcquisition() {
        return new DueDateJobAcquisition();
    }

    /** The application's refusals in Tasklist and /engine-rest read as its own sentences (see the class). */
    @Bean
    FilterRegistrationBean<EngineRefusalMessages> engineRefusalMessages(ObjectMapper json) {
        FilterRegistrationBean<EngineRefusalMessages> registration =
                new FilterRegistrationBean<>(new EngineRefusalMessages(json));
        registration.setName("engine-refusal-messages");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }

    /**
     * The starter leaves /engine-rest open to anyone. Spring Security signs the caller in (HTTP Basic, see
     * SecurityConfig); Camunda's filter then takes that sign-in as the engine's authenticated user, with their
     * groups, so Camunda's authorizations apply to every call.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
