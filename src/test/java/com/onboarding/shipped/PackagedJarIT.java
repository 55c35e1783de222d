package com.onboarding.shipped;

import com.onboarding.support.Artifact;

/** The packaged jar as the README's reader starts it: {@code java -jar target/onboarding-….jar}. */
class PackagedJarIT extends ShippedService {

    @Override
    Artifact artifact() {
        return Artifact.packagedJar();
    }

    @Override
    String name() {
        return "jar";
    }
}
