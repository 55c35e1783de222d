package com.onboarding.shipped;

import com.onboarding.support.Artifact;

/**
 * The service as the Dockerfile runs it (Docker itself is not on the CI machines): the jar extracted by Spring
 * Boot's tools mode, the class data sharing archive of the training run, the Dockerfile's JVM options.
 */
class DockerLayoutIT extends ShippedService {

    @Override
    Artifact artifact() {
        return Artifact.dockerLayout();
    }

    @Override
    String name() {
        return "docker-layout";
    }
}
