package com.onboarding.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.support.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `mvn spring-boot:run` starts the service with the JVM options the Dockerfile's image runs with (pom.xml's
 * app.jvm.options, the spring-boot-maven-plugin's jvmArguments); `.ci/smoke-run` checks the started JVM has them.
 */
class JvmOptionsTest {

    @Test
    void theMavenRunTakesTheDockerfilesOptions() throws IOException {
        Matcher property = Pattern.compile("<app\\.jvm\\.options>([^<]*)</app\\.jvm\\.options>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(property.find()).as("pom.xml defines app.jvm.options").isTrue();
        assertThat(property.group(1).trim()).isEqualTo(Artifact.dockerfileValue("JAVA_OPTS"));
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<jvmArguments>${app.jvm.options}</jvmArguments>");
    }
}
