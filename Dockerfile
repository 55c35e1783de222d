# Used by docker-compose.yml. Build stage: Maven; run stage: a plain JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
# The engine underneath: camunda (Camunda 7.24) or operaton (Operaton 1.0), docs/engines.md;
# docker compose build --build-arg ENGINE=operaton
ARG ENGINE=camunda
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -Dengine=$ENGINE dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
# The Operaton build writes its jar to target/operaton/.
RUN mvn -B -q -Dengine=$ENGINE -DskipTests package && cp "$(find target -name 'onboarding-*.jar' | head -n 1)" app.jar

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app.jar /tmp/app.jar
# The jar unpacked (Spring Boot's tools mode): classes load from plain files instead of jars inside a jar, which
# brings the service up 2 s sooner (bench/run measures the same layout).
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/service && rm /tmp/app.jar
EXPOSE 8080
# The service's JVM settings (bench/run starts the jar with the same, so its figures are what this image gives): a
# heap sized for the service instead of a quarter of the machine, and the serial collector, whose footprint is the
# smallest on the few cores a service like this gets. 256 MiB: after each full collection 90 to 140 MiB stay live
# through the benchmark, its expiry storm included (a 512 MiB heap only held more garbage, 110 MiB more resident).
# Two malloc arenas instead of eight per core: the JVM's native memory stays put instead of fragmenting. Every 5 s the
# JVM hands malloc's freed memory back to the system (TrimNativeHeapInterval, in recent JDK 17 updates; 17.0.15 has
# it): glibc keeps it otherwise, about 35 MiB after the benchmark's invite runs.
ENV MALLOC_ARENA_MAX=2
ENV JAVA_OPTS="-XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=96m -Xss512k -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError"
# Class data sharing: a training run loads the application's classes (the context is built on an in-memory H2
# database, then the JVM exits) and stores them in app.jsa, which each start maps instead of loading the classes
# again: the service was ready 22 to 37 % sooner in the benchmark (bench/run builds and uses the same archive).
RUN java $JAVA_OPTS -XX:ArchiveClassesAtExit=/app/service/app.jsa -Dspring.context.exit=onRefresh \
      -jar /app/service/app.jar --spring.datasource.url=jdbc:h2:mem:training --onboarding.dev-smtp.enabled=false
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:SharedArchiveFile=/app/service/app.jsa -jar /app/service/app.jar"]
