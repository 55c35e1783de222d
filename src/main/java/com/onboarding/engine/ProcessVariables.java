package com.onboarding.engine;

import java.util.List;

/**
 * A process's declared variables and the messages the code sends it (a Spring bean per process), so that the engine
 * set-up and the check of the models ({@link ModelBindings}) can read what they are.
 */
public interface ProcessVariables {

    List<ProcessVariable<?>> declared();

    /** The names of the messages the code correlates with this process. */
    default List<String> messages() {
        return List.of();
    }
}
