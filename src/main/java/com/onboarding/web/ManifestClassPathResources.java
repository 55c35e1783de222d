package com.onboarding.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.WebResourceRoot;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Serves the {@code META-INF/resources} of the jars that the application jar names in its manifest's Class-Path, as
 * Spring Boot serves those of the jars on the class path.
 *
 * <p>The Dockerfile runs the jar extracted by Spring Boot's tools mode: {@code java -jar app.jar}, whose manifest
 * lists {@code lib/*.jar}. The JVM loads classes from them, but Spring Boot looks for web resources only among the
 * entries of {@code java.class.path} (just app.jar there), so Tomcat did not see the Camunda webapps' plugin files
 * ({@code /camunda/api/tasklist/plugin/…/plugin.js}, found through the servlet context): Tasklist and Cockpit stayed on
 * their loading spinner in the image while they worked with {@code java -jar} on the packaged jar. Elsewhere (the
 * packaged jar, {@code mvn spring-boot:run}) no class-path jar has such a manifest and this adds nothing.
 */
@Component
class ManifestClassPathResources implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final String RESOURCES = "META-INF/resources";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<URL> jars = jarsWithResources();
        if (jars.isEmpty()) {
            return;
        }
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                for (URL jar : jars) {
                    context.getResources().createWebResourceSet(WebResourceRoot.ResourceSetType.RESOURCE_JAR, "/",
                            jar, "/" + RESOURCES);
                }
            }
        }));
    }

    /** The jars named by the Class-Path of the class path's jars, not on the class path themselves, with resources. */
    static List<URL> jarsWithResources() {
        Set<Path> classPath = Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        List<URL> found = new ArrayList<>();
        for (Path entry : classPath) {
            for (Path named : manifestClassPath(entry)) {
                if (!classPath.contains(named) && hasResources(named)) {
                    found.add(jarUrl(named));
                }
            }
        }
        return found;
    }

    private static List<Path> manifestClassPath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String classPath = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return List.of();
            }
            Path base = jar.getParent();
            return Stream.of(classPath.trim().split("\\s+")).filter(name -> name.endsWith(".jar"))
                    .map(name -> base.resolve(name).toAbsolutePath().normalize()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + jar, e);
        }
    }

    private static boolean hasResources(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(RESOURCES + "/") != null
                    || file.stream().anyMatch(entry -> entry.getName().startsWith(RESOURCES + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private static URL jarUrl(Path jar) {
        try {
            return new URL("jar:" + jar.toUri().toURL() + "!/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
