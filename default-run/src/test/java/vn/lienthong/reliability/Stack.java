package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The production shape of one scenario, on loopback, as real processes: PostgreSQL, a standalone Artemis broker or a
 * primary/backup pair with replication, the portal (simulator), and one or more gateway instances. Everything it
 * started is stopped by {@link #close()} (and by a shutdown hook if the test JVM dies first).
 */
final class Stack implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    final String scenario;
    final Path directory;
    Database database;
    final List<ArtemisBroker> brokers = new ArrayList<>();
    SimulatorProcess portal;
    final List<GatewayProcess> gateways = new ArrayList<>();

    private Stack(String scenario) {
        this.scenario = scenario;
        this.directory = Settings.scenarioDirectory(scenario);
    }

    static Builder builder(String scenario) {
        return new Builder(scenario);
    }

    static final class Builder {
        private final String scenario;
        private boolean replicated;
        private int gateways = 1;
        private final List<String> gatewayArguments = new ArrayList<>();

        private Builder(String scenario) {
            this.scenario = scenario;
        }

        /** A primary/backup pair with replication instead of one broker. */
        Builder replicatedBrokers() {
            replicated = true;
            return this;
        }

        Builder gateways(int count) {
            gateways = count;
            return this;
        }

        /** {@code --name=value} settings given to every gateway instance. */
        Builder gatewayArguments(String... arguments) {
            gatewayArguments.addAll(List.of(arguments));
            return this;
        }

        Stack start() {
            Stack stack = new Stack(scenario);
            try {
                stack.startAll(replicated, gateways, gatewayArguments);
                return stack;
            } catch (RuntimeException | Error e) {
                System.out.println(stack.diagnostics());
                stack.close();
                throw e;
            }
        }
    }

    private void startAll(boolean replicated, int gatewayCount, List<String> gatewayArguments) {
        long started = System.currentTimeMillis();
        portal = SimulatorProcess.start(directory); // its JVM starts while the broker and database do
        database = Database.start(directory);
        brokers.addAll(replicated ? ArtemisBroker.replicatedPair(directory)
                : List.of(ArtemisBroker.standalone(directory)));
        brokers.get(0).start();
        brokers.get(0).awaitActive(START_TIMEOUT);
        if (replicated) {
            brokers.get(1).start();
            brokers.get(1).awaitSynchronizedBackup(START_TIMEOUT);
        }
        String artemisUrl = replicated ? GatewayProcess.haUrl(brokers) : GatewayProcess.url(brokers.get(0));
        for (int i = 1; i <= gatewayCount; i++) {
            gateways.add(GatewayProcess.create("gateway-" + i, directory, artemisUrl, database, portal,
                    gatewayArguments));
        }
        gateways.forEach(GatewayProcess::start);
        portal.awaitReady(START_TIMEOUT);
        gateways.forEach(g -> g.awaitReady(START_TIMEOUT));
        System.out.printf("[reliability] %s: stack up in %d ms (%s)%n", scenario,
                System.currentTimeMillis() - started, directory);
    }

    GatewayProcess gateway() {
        return gateways.get(0);
    }

    /** The API URLs of the gateways that are running now. */
    List<String> liveGatewayUrls() {
        List<String> live = gateways.stream().filter(GatewayProcess::isAlive).map(GatewayProcess::apiUrl).toList();
        return live.isEmpty() ? gateways.stream().map(GatewayProcess::apiUrl).toList() : live;
    }

    /**
     * Keeps the current situation (an outage, a brown-out) for the given time, watching that every gateway that
     * should run still does: the length of a phase is part of the scenario, not a wait for something to happen.
     */
    void hold(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        List<GatewayProcess> running = gateways.stream().filter(GatewayProcess::isAlive).toList();
        await("a phase of " + duration).atMost(duration.plusSeconds(10)).pollInterval(Duration.ofMillis(200))
                .failFast(() -> running.forEach(GatewayProcess::assertAlive))
                .until(() -> System.nanoTime() >= until);
    }

    /** A scenario's steps; on failure the diagnostics are printed before the failure is passed on. */
    interface Steps {
        void run() throws Exception;
    }

    void run(Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            System.out.println(diagnostics());
            throw e;
        }
    }

    /** Prints the trail of the first dossiers that lost a message or got one out of order. */
    void explain(Deliveries.Report report) {
        java.util.Set<String> dossiers = new java.util.LinkedHashSet<>();
        report.orderViolations().forEach(v -> dossiers.add(v.substring(0, v.indexOf(' '))));
        report.lost().forEach(l -> dossiers.add(l.substring(0, l.indexOf('#'))));
        dossiers.stream().limit(4).forEach(maHoSo -> {
            System.out.println("[reliability] trail of " + maHoSo + ":");
            database.trail(maHoSo).forEach(line -> System.out.println("    " + line));
        });
    }

    /** What to look at when a scenario fails: tracking states and the end of every log. */
    String diagnostics() {
        StringBuilder text = new StringBuilder("---- diagnostics of " + scenario + " (" + directory + ")\n");
        try {
            if (database != null) {
                text.append("tracking states: ").append(database.trackingStates()).append('\n');
                database.trackedNotIn(List.of("DELIVERED"), 20)
                        .forEach(row -> text.append("not delivered: ").append(row).append('\n'));
            }
        } catch (RuntimeException e) {
            text.append("tracking states unavailable: ").append(e.getMessage()).append('\n');
        }
        gateways.stream().filter(GatewayProcess::isAlive).findFirst().ifPresent(gateway -> {
            try {
                int shown = 0;
                for (com.fasterxml.jackson.databind.JsonNode letter : gateway.deadLetters().path("deadLetters")) {
                    if (shown++ < 10) {
                        text.append("dead letter: ").append(letter.path("kind").asText()).append(' ')
                                .append(letter.path("MaHoSo").asText()).append(": ")
                                .append(letter.path("reason").asText()).append('\n');
                    }
                }
            } catch (RuntimeException e) {
                text.append("dead letters unavailable: ").append(e.getMessage()).append('\n');
            }
        });
        for (GatewayProcess gateway : gateways) {
            text.append("---- ").append(gateway.name()).append('\n').append(gateway.logTail(40)).append('\n');
        }
        for (ArtemisBroker broker : brokers) {
            text.append("---- ").append(broker.name()).append('\n').append(broker.logTail(15)).append('\n');
        }
        if (portal != null) {
            text.append("---- simulator\n").append(portal.logTail(15)).append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        for (GatewayProcess gateway : gateways) {
            quietly(gateway::close);
        }
        if (portal != null) {
            quietly(portal::close);
        }
        for (int i = brokers.size() - 1; i >= 0; i--) {
            quietly(brokers.get(i)::close);
        }
        if (database != null) {
            quietly(database::close);
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.out.println("[reliability] while stopping: " + e);
        }
    }
}
