package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Artemis broker from the distribution, created with {@code artemis create --host 127.0.0.1}: only the
 * CORE protocol is opened, no web console, login required; alone or as one half of a primary/backup pair with
 * replication. The address settings are those of deploy/artemis-*&#47;broker.xml (20 delivery attempts, then DLQ).
 */
final class ArtemisBroker implements AutoCloseable {

    static final String USER = "lienthong-gw";
    static final String PASSWORD = "broker-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private static final String CLUSTER_USER = "lienthong-cluster";
    private static final String CLUSTER_PASSWORD = "cluster-" + Long.toHexString(System.nanoTime());
    private static final Pattern ACCEPTOR = Pattern.compile("<acceptor name=\"artemis\">[^<]*</acceptor>");

    private final String name;
    private final Path instance;
    private final int port;
    private ManagedProcess process;
    private int logOffset; // where this start's lines begin in the log

    private ArtemisBroker(String name, Path instance, int port) {
        this.name = name;
        this.instance = instance;
        this.port = port;
    }

    /** One broker on its own. */
    static ArtemisBroker standalone(Path directory) {
        int port = Settings.freePort();
        return create("artemis", directory.resolve("artemis"), port, List.of());
    }

    /** A primary and its replicating backup: {@code [primary, backup]}, each knowing the other's connector. */
    static List<ArtemisBroker> replicatedPair(Path directory) {
        int primaryPort = Settings.freePort();
        int backupPort = Settings.freePort();
        List<String> cluster = List.of("--replicated", "--cluster-user", CLUSTER_USER, "--cluster-password",
                CLUSTER_PASSWORD);
        ArtemisBroker primary = create("artemis-primary", directory.resolve("artemis-primary"), primaryPort,
                concat(cluster, List.of("--staticCluster", "tcp://127.0.0.1:" + backupPort)));
        ArtemisBroker backup = create("artemis-backup", directory.resolve("artemis-backup"), backupPort,
                concat(cluster, List.of("--backup", "--staticCluster", "tcp://127.0.0.1:" + primaryPort)));
        return List.of(primary, backup);
    }

    private static ArtemisBroker create(String name, Path instance, int port, List<String> extra) {
        Path artemis = Settings.artemisHome().resolve("bin/artemis");
        List<String> command = new ArrayList<>(List.of(artemis.toString(), "create", instance.toString(),
                "--silent", "--force", "--name", name,
                "--user", USER, "--password", PASSWORD, "--require-login",
                "--host", "127.0.0.1", "--default-port", String.valueOf(port),
                "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                "--no-hornetq-acceptor", "--nio", "--java-memory", "512M"));
        command.addAll(extra);
        ManagedProcess.run("artemis create " + name, command, environment(), instance.getParent(),
                instance.getParent().resolve(name + "-create.log"), 60);
        onlyCore(instance.resolve("etc/broker.xml"), port);
        return new ArtemisBroker(name, instance, port);
    }

    /** The main acceptor speaks every protocol by default: keep CORE only, and the deploy/ address settings. */
    private static void onlyCore(Path brokerXml, int port) {
        try {
            String xml = Files.readString(brokerXml, StandardCharsets.UTF_8);
            Matcher acceptor = ACCEPTOR.matcher(xml);
            if (!acceptor.find()) {
                throw new IllegalStateException("no artemis acceptor in " + brokerXml);
            }
            xml = acceptor.replaceFirst(Matcher.quoteReplacement(
                    "<acceptor name=\"artemis\">tcp://127.0.0.1:" + port + "?protocols=CORE;useEpoll=true</acceptor>"));
            String catchAll = "<address-setting match=\"#\">";
            int at = xml.indexOf(catchAll);
            if (at < 0) {
                throw new IllegalStateException("no catch-all address-setting in " + brokerXml);
            }
            xml = xml.substring(0, at + catchAll.length())
                    + "\n            <max-delivery-attempts>20</max-delivery-attempts>"
                    + "\n            <auto-create-dead-letter-resources>true</auto-create-dead-letter-resources>"
                    + xml.substring(at + catchAll.length());
            Files.writeString(brokerXml, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the broker (again, after a kill: same instance, same journal). */
    void start() {
        logOffset = process == null ? 0 : process.logText().length();
        process = ManagedProcess.start(name, List.of(instance.resolve("bin/artemis").toString(), "run"),
                environment(), instance, instance.getParent().resolve(name + ".log"));
    }

    /** Waits for "Server is now active" (a primary, a standalone broker, or a backup that took over). */
    void awaitActive(Duration timeout) {
        awaitLog("AMQ221007", timeout, "become active");
    }

    /** Waits until the backup has copied the primary's journal and replicates it: only then can it take over. */
    void awaitSynchronizedBackup(Duration timeout) {
        awaitLog("AMQ221024", timeout, "synchronize with its primary");
    }

    private void awaitLog(String code, Duration timeout, String what) {
        await(name + " to " + what).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .failFast(process::assertAlive)
                .until(() -> process.logText().indexOf(code, logOffset) >= 0);
    }

    /** kill -9. */
    void kill() {
        process.kill();
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    String logTail(int lines) {
        return process == null ? "" : process.logTail(lines);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private static Map<String, String> environment() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
