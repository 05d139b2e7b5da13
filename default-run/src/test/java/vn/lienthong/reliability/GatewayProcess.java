package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.client.ApiKeyHash;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlSigner;
import vn.lienthong.support.Http;
import vn.lienthong.support.SigningKeys;

/**
 * One gateway instance as production runs it: {@code java -Xmx512m -jar ... --spring.profiles.active=prod} on an
 * external Artemis (ARTEMIS_URL), PostgreSQL (DATABASE_URL) and the portal (DVCQG_BASE_URL), with real client keys
 * (the prod profile refuses the demo ones). It can be killed with -9 and started again on the same ports.
 */
final class GatewayProcess implements AutoCloseable {

    static final String CLIENT_ID = "motcua-tinh";
    /** The provincial e-office, for the document scenario. */
    static final String EOFFICE_ID = "eoffice-tinh";
    static final String EOFFICE_KEY = "eoffice-" + Long.toHexString(System.nanoTime()) + "-key-0123456789";
    static final String CLIENT_KEY = "motcua-" + Long.toHexString(System.nanoTime()) + "-key-0123456789";
    static final String OPERATOR_KEY = "van-hanh-" + Long.toHexString(System.nanoTime()) + "-key-0123456789";
    static final String UNIT = "000.00.00.H31";

    private static final String RECONNECT = "reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.5"
            + "&maxRetryInterval=2000" + Settings.text("artemisUrlOptions", "").replaceFirst("^(?=.)", "&");

    private final String name;
    private final Path directory;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final List<String> extraArguments;
    private ManagedProcess process;
    private int starts;

    private GatewayProcess(String name, Path directory, Map<String, String> environment, List<String> extraArguments) {
        this.name = name;
        this.directory = directory;
        this.port = Settings.freePort();
        this.managementPort = Settings.freePort();
        this.environment = environment;
        this.extraArguments = extraArguments;
    }

    /**
     * @param artemisUrl     e.g. {@code (tcp://127.0.0.1:61616,tcp://127.0.0.1:61617)?ha=true&reconnectAttempts=-1}
     * @param extraArguments more {@code --name=value} settings of this scenario (e.g. delivery retries)
     */
    static GatewayProcess create(String name, Path directory, String artemisUrl, Database database,
                                 SimulatorProcess portal, List<String> extraArguments) {
        Map<String, String> environment = Map.ofEntries(
                Map.entry("ARTEMIS_URL", artemisUrl),
                Map.entry("ARTEMIS_USER", ArtemisBroker.USER),
                Map.entry("ARTEMIS_PASSWORD", ArtemisBroker.PASSWORD),
                Map.entry("DATABASE_URL", database.jdbcUrl()),
                Map.entry("DATABASE_USER", Database.USER),
                Map.entry("DATABASE_PASSWORD", Database.PASSWORD),
                Map.entry("DVCQG_BASE_URL", portal.baseUrl()),
                Map.entry("DVCQG_PASSWORD", SimulatorProcess.PASSWORD),
                Map.entry("AXIS_BASE_URL", portal.axisUrl()),
                Map.entry("AXIS_SECRET", SimulatorProcess.AXIS_SECRET),
                Map.entry("EOFFICE_WEBHOOK_URL", portal.eofficeUrl()),
                Map.entry("MOTCUA_URL", portal.motcuaUrl() + "/{unit}"),
                // production refuses the shipped DEV signing key
                Map.entry("LIENTHONG_EDXML_SIGNING_KEYSTORE", SigningKeys.generate(directory.resolve(name + "-signing.p12")).toString()),
                Map.entry("LIENTHONG_EDXML_SIGNING_PASSWORD", SigningKeys.PASSWORD),
                Map.entry("LIENTHONG_EDXML_SIGNING_ALIAS", SigningKeys.ALIAS),
                // production refuses to start without a truststore for incoming signatures: the scenarios' agencies
                // sign with the DEV key
                Map.entry("EDXML_TRUSTSTORE", devSignerTruststore(directory.resolve(name + "-signers.p12")).toString()),
                Map.entry("EDXML_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD));
        return new GatewayProcess(name, directory, environment, extraArguments);
    }

    private static final String TRUSTSTORE_PASSWORD = "signers-password";

    private static Path devSignerTruststore(Path file) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("dev", EdxmlSigner.fromProperties(EdxmlProperties.defaults().signing())
                    .certificate());
            try (var out = Files.newOutputStream(file)) {
                store.store(out, TRUSTSTORE_PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The HA connection URL of the issue: both brokers, reconnect forever, 200 ms .. 2 s between attempts; more
     * options with {@code -Dreliability.artemisUrlOptions} (e.g. {@code consumerWindowSize=0}).
     */
    static String haUrl(List<ArtemisBroker> brokers) {
        return "(" + String.join(",", brokers.stream().map(ArtemisBroker::url).toList()) + ")?ha=true&" + RECONNECT;
    }

    /** One broker, reconnecting forever when it is gone. */
    static String url(ArtemisBroker broker) {
        return broker.url() + "?" + RECONNECT;
    }

    void start() {
        starts++;
        List<String> command = new ArrayList<>(List.of(SimulatorProcess.java(), "-Xmx512m", "-jar",
                Settings.jar().toString(),
                "--spring.profiles.active=prod",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--management.server.port=" + managementPort,
                "--management.server.address=127.0.0.1",
                "--lienthong.data-directory=" + directory.resolve(name + "-data"),
                "--lienthong.clients.systems[0].id=" + CLIENT_ID,
                // production takes keys only as their SHA-256, and each client's kinds
                "--lienthong.clients.systems[0].api-key-hashes[0]=" + ApiKeyHash.of(CLIENT_KEY),
                "--lienthong.clients.systems[0].kinds=dossier,progress",
                "--lienthong.clients.systems[0].unit-codes[0]=" + UNIT,
                "--lienthong.clients.systems[0].input-format=dvcqg",
                "--lienthong.clients.systems[1].id=van-hanh",
                "--lienthong.clients.systems[1].api-key-hashes[0]=" + ApiKeyHash.of(OPERATOR_KEY),
                "--lienthong.clients.systems[1].roles[0]=operator",
                "--lienthong.clients.systems[2].id=" + EOFFICE_ID,
                "--lienthong.clients.systems[2].api-key-hashes[0]=" + ApiKeyHash.of(EOFFICE_KEY),
                "--lienthong.clients.systems[2].kinds=document,document-status",
                "--lienthong.clients.systems[2].unit-codes[0]=" + UNIT,
                "--lienthong.clients.systems[2].input-format=canonical"));
        command.addAll(extraArguments);
        process = ManagedProcess.start(name + (starts > 1 ? " (start " + starts + ")" : ""), command, environment,
                Settings.projectDirectory(), directory.resolve(name + ".log"));
    }

    /** Until its health is UP (broker and database reachable, routes started). */
    void awaitReady(Duration timeout) {
        await(name + " to be ready").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .failFast(process::assertAlive)
                .ignoreExceptions()
                .until(() -> Http.get(managementUrl() + "/actuator/health", Map.of()).status() == 200);
    }

    /** kill -9. */
    void kill() {
        process.kill();
    }

    void assertAlive() {
        process.assertAlive();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + port;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    String name() {
        return name;
    }

    /** Messages this instance took from the delivery queue and finished (Camel's route metric). */
    long deliveredExchanges() {
        return routeExchanges("dossier-delivery");
    }

    /** Exchanges the route finished on this instance (Camel's route metric). */
    long routeExchanges(String routeId) {
        String metrics = Http.get(managementUrl() + "/actuator/prometheus", Map.of()).text();
        Matcher matcher = Pattern.compile("^camel_exchanges_succeeded_total\\{[^}]*routeId=\"" + Pattern.quote(routeId)
                + "\"[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE).matcher(metrics);
        long total = 0;
        while (matcher.find()) {
            total += (long) Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    /** The operators' view of the dead-letter queue: {@code {"deadLetters": [{"id","kind","MaHoSo","reason",...}]}}. */
    JsonNode deadLetters() {
        Http.Reply reply = Http.get(apiUrl() + "/api/v1/dead-letters?limit=1000", Map.of("X-API-Key", OPERATOR_KEY));
        if (reply.status() != 200) {
            throw new IllegalStateException("GET /api/v1/dead-letters answered " + reply.status() + " " + reply.text());
        }
        return reply.json();
    }

    /** Replays the parked messages matching {@code filter} (JSON), as an operator does; returns how many. */
    int replayDeadLetters(String filter) {
        Http.Reply reply = Http.post(apiUrl() + "/api/v1/dead-letters/replay",
                filter.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("X-API-Key", OPERATOR_KEY, "Content-Type", "application/json"));
        if (reply.status() != 200) {
            throw new IllegalStateException("POST /api/v1/dead-letters/replay answered " + reply.status() + " "
                    + reply.text());
        }
        return reply.json().path("replayed").asInt();
    }

    String logTail(int lines) {
        return process == null ? "" : process.logTail(lines);
    }

    String logText() {
        return process == null ? "" : process.logText();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
