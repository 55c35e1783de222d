package com.onboarding.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** What the application's engine plugins add to the engine's configuration, before it is built. */
public final class EngineExtensions {

    private EngineExtensions() {
    }

    /** An interceptor in front of the command chain every service call takes (before its transaction). */
    public static void addCommandInterceptor(ProcessEngineConfigurationImpl configuration,
            CommandInterceptor interceptor) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(interceptor);
    }

    /** A listener that sees every model as it is parsed (after the engine's own). */
    public static void addParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }
}
