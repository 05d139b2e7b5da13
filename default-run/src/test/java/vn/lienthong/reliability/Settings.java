package vn.lienthong.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the reliability scenarios find their pieces and how big they are: {@code -Dreliability.*} system properties
 * (set by the {@code reliability} Maven profile, or on the command line), with defaults that keep the whole profile
 * within about 12 minutes on 2 cores.
 */
final class Settings {

    private Settings() {
    }

    static int integer(String name, int fallback) {
        String value = System.getProperty("reliability." + name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static double decimal(String name, double fallback) {
        String value = System.getProperty("reliability." + name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value.trim());
    }

    static String text(String name, String fallback) {
        String value = System.getProperty("reliability." + name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(integer(name, fallback));
    }

    /** The project root: the gateway's working directory (it reads routes/ and mappings/ from there). */
    static Path projectDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    /** The packaged gateway, the production jar (no simulator in it). */
    static Path jar() {
        return path("jar", projectDirectory().resolve("gateway/target/lienthong-gateway.jar"));
    }

    /** The packaged default run, whose simulators stand in for the national systems. */
    static Path simulatorJar() {
        return path("simulatorJar", projectDirectory().resolve("default-run/target/lienthong-default-run.jar"));
    }

    /** The unpacked standalone Artemis distribution. */
    static Path artemisHome() {
        return path("artemisHome",
                projectDirectory().resolve("default-run/target/reliability/dist/apache-artemis-2.40.0"));
    }

    /** A fresh folder for one scenario's brokers, database, stores and logs, under default-run/target/. */
    static Path scenarioDirectory(String scenario) {
        Path root = path("workDirectory", projectDirectory().resolve("default-run/target/reliability"));
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, scenario + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where every scenario appends its RELIABILITY line. */
    static Path resultsFile() {
        return path("workDirectory", projectDirectory().resolve("default-run/target/reliability"))
                .resolve("results.jsonl");
    }

    /** A port nobody listens on right now, on loopback. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path path(String name, Path fallback) {
        String value = System.getProperty("reliability." + name);
        Path path = value == null || value.isBlank() ? fallback : Path.of(value);
        if (name.equals("jar") || name.equals("simulatorJar") || name.equals("artemisHome")) {
            if (!Files.exists(path)) {
                throw new IllegalStateException(path + " does not exist: run ./mvnw -Preliability verify (package and "
                        + "the Artemis distribution come first)");
            }
        }
        return path.toAbsolutePath();
    }
}
