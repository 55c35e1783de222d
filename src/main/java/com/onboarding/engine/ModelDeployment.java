package com.onboarding.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.stereotype.Component;

/**
 * Deploys every file that camunda.bpm.deployment-resource-pattern finds under its path on the classpath
 * ({@code forms/de/invite-user.form}), however the service was started.
 *
 * <p>The starter names a resource by its absolute path when it is a plain file ({@code mvn spring-boot:run}, the
 * tests) and by its bare file name when it sits in a jar ({@code java -jar}, the Dockerfile's layout). In a jar
 * {@code forms/invite-user.form} and {@code forms/de/invite-user.form} then had one name and one of them silently
 * replaced the other: half the Tasklist forms were missing in what users run. The engine takes the name of a
 * {@link ContextResource} as given, so each resource is handed over as one, named by its classpath path. Two
 * resources of one path (the same file in two jars) stop the start instead of replacing each other.
 *
 * <p>The renaming happens after every plugin's preInit, where the starter has set the resources, and before the
 * engine deploys them: a plain engine plugin, the same on Camunda 7 and Operaton (whose starters' deployment classes
 * differ).
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringProcessEngineConfiguration spring
                && spring.getDeploymentResources() != null) {
            spring.setDeploymentResources(named(spring.getDeploymentResources()));
        }
    }

    static Resource[] named(Resource[] resources) {
        Map<String, Resource> byName = new TreeMap<>();
        for (Resource found : resources) {
            Named named = Named.of(found, ModelDeployment.class.getClassLoader());
            Resource other = byName.put(named.getPathWithinContext(), named);
            if (other != null) {
                throw new IllegalStateException("Two deployment resources have the path " + named.getPathWithinContext()
                        + ": " + other.getDescription() + " and " + found.getDescription());
            }
        }
        return byName.values().toArray(Resource[]::new);
    }

    /** A resource with its path relative to the classpath root, which the engine uses as its deployment name. */
    static final class Named extends UrlResource implements ContextResource {

        private final String path;

        private Named(URL url, String path) {
            super(url);
            this.path = path;
        }

        /**
         * The resource's path on the classpath: the shortest tail of its URL under which the class loader finds
         * this very resource ({@code forms/de/x.form} of {@code file:/…/target/classes/forms/de/x.form} or of
         * {@code jar:nested:/…/app.jar/!BOOT-INF/classes/!/forms/de/x.form}).
         */
        static Named of(Resource resource, ClassLoader classLoader) {
            try {
                URL url = resource.getURL();
                String text = url.toString();
                for (int slash = text.lastIndexOf('/'); slash > 0; slash = text.lastIndexOf('/', slash - 1)) {
                    String path = text.substring(slash + 1);
                    URL there = classLoader.getResource(path);
                    if (there != null && there.toString().equals(text)) {
                        return new Named(url, path);
                    }
                }
                throw new IllegalStateException("Not on the classpath: " + text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getPathWithinContext() {
            return path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Named named && named.path.equals(path) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }
    }
}
