package com.onboarding.support;

import org.camunda.bpm.engine.ProcessEngine;

/** Which engine this build runs on: Camunda 7, or Operaton (the build with -Dengine=operaton, docs/engines.md). */
public final class Engines {

    private Engines() {
    }

    /** The literal names Operaton's package, which the Operaton build's rewrite keeps as it is. */
    public static boolean operaton() {
        return ProcessEngine.class.getName().startsWith("org.operaton.");
    }
}
