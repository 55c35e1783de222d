package com.onboarding.engine;

import java.util.List;

/** A process's declared variables (a Spring bean per process), so that the engine set-up can read what they are. */
public interface ProcessVariables {

    List<ProcessVariable<?>> declared();
}
