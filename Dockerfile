# syntax=docker/dockerfile:1
#
# One Dockerfile for the three services and the gateway.
#
#   docker build --build-arg MODULE=services/indicators -t jjj/indicators .
#   docker build --build-arg MODULE=gateway             -t jjj/gateway .
#
# The build stage needs nothing on the host but Docker: it runs the repository's
# Maven wrapper (which fetches the pinned Maven) inside a JDK image. It does not
# depend on MODULE, so building the four images builds the reactor once and the
# other three reuse that stage from the build cache.
# deploy/manifests/src/test/java/io/jjj/deploy/DockerfileTest.java checks the
# command below, and deploy/compose/check-image-build runs it.

ARG JAVA_VERSION=17

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked ./mvnw -B -ntp -pl services/indicators,services/projects,services/transport,gateway -am package -DskipTests

FROM eclipse-temurin:${JAVA_VERSION}-jre AS runtime
# curl is for the container healthchecks (docker-compose.yml).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --user-group --no-create-home --home-dir /app --shell /usr/sbin/nologin jjj

# Which module this image runs: services/indicators, services/projects,
# services/transport or gateway.
ARG MODULE
RUN test -n "${MODULE}" || { echo "build with --build-arg MODULE=<module path>" >&2; exit 1; }

WORKDIR /app
# The Quarkus fast-jar layout: lib/ (dependencies) first, as it changes least.
COPY --from=build --chown=10001:10001 /src/${MODULE}/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=10001:10001 /src/${MODULE}/target/quarkus-app/*.jar /app/
COPY --from=build --chown=10001:10001 /src/${MODULE}/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=10001:10001 /src/${MODULE}/target/quarkus-app/quarkus/ /app/quarkus/

USER 10001
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    QUARKUS_HTTP_HOST=0.0.0.0
EXPOSE 8080 8081 8082 8083
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
