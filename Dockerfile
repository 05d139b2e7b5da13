# The gateway image used by docker-compose.yml: the production jar, no simulator in it. Build it first:
# ./mvnw -q package -DskipTests
FROM eclipse-temurin:17-jre
WORKDIR /opt/lienthong
COPY gateway/target/lienthong-gateway.jar lienthong.jar
COPY routes/ routes/
COPY mappings/ mappings/
EXPOSE 8080 9090
ENTRYPOINT ["java", "-Dfile.encoding=UTF-8", "-Xmx512m", "-jar", "lienthong.jar"]
