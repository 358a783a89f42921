# Callsign service image. Build: docker build -t callsign .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY db db
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/callsign --create-home callsign
WORKDIR /opt/callsign
COPY --from=build /src/target/callsign.jar /opt/callsign/callsign.jar
COPY --from=build /src/target/lib /opt/callsign/lib
USER callsign
ENV CALLSIGN_DATA_DIR=/var/lib/callsign
EXPOSE 8080 8443 8090
HEALTHCHECK --interval=10s --timeout=3s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q 200 <&3"]
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/callsign/callsign.jar"]
CMD ["serve"]
