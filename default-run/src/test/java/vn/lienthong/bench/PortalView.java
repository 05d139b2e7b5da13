package vn.lienthong.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/** The simulated national portal seen from outside: what it received, in which order, and its down switch. */
final class PortalView {

    /** What the portal has stored so far. */
    record Counts(long dossiers, long progressItems) {
        long messages() {
            return dossiers + progressItems;
        }
    }

    /** What the portal received of a set of dossiers, against what was sent. */
    record Check(long expected, long received, long lost, long outOfOrder, long duplicates) {
        Check plus(Check other) {
            return new Check(expected + other.expected, received + other.received, lost + other.lost,
                    outOfOrder + other.outOfOrder, duplicates + other.duplicates);
        }
    }

    private final BenchHttp http;
    private final String base;

    PortalView(BenchHttp http, String simulatorUrl) {
        this.http = http;
        this.base = simulatorUrl + "/sim/dvcqg";
    }

    Counts counts() {
        JsonNode stats = http.getJson(base + "/stats", Map.of());
        return new Counts(stats.path("dossiers").asLong(), stats.path("progressItems").asLong());
    }

    void setDown(boolean down) {
        try {
            BenchHttp.Reply reply = http.put(base + "/faults", "{\"down\":" + down + "}");
            if (reply.status() != 200) {
                throw new IllegalStateException("PUT faults answered " + reply.status() + ": " + reply.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls every 20 ms until the portal holds {@code expected} (cumulative) or nothing new arrived for
     * {@code stallSeconds}.
     *
     * @return the last counts seen
     */
    Counts await(Counts expected, int stallSeconds) {
        Counts last = counts();
        long lastChange = System.nanoTime();
        while (last.dossiers() < expected.dossiers() || last.progressItems() < expected.progressItems()) {
            if (System.nanoTime() - lastChange > stallSeconds * 1_000_000_000L) {
                System.out.printf("  nothing new reached the portal for %d s: giving up (%s of %s)%n", stallSeconds,
                        last, expected);
                break;
            }
            sleep(20);
            Counts now = counts();
            if (!now.equals(last)) {
                lastChange = System.nanoTime();
            }
            last = now;
        }
        return last;
    }

    /** Fetches every dossier of the phase: present, its progress complete, once each, in the order sent. */
    Check check(Phase phase, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Check>> checks = new ArrayList<>();
            for (Phase.Dossier dossier : phase.dossiers) {
                checks.add(pool.submit(() -> check(dossier.maHoSo(), phase.progressPerDossier)));
            }
            Check total = new Check(0, 0, 0, 0, 0);
            for (Future<Check> check : checks) {
                total = total.plus(check.get());
            }
            return total;
        } catch (Exception e) {
            throw new IllegalStateException("checking " + phase.name + " at the portal failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Check check(String maHoSo, int progress) throws IOException {
        long expected = 1 + progress;
        BenchHttp.Reply reply = http.get(base + "/dossiers/" + maHoSo, Map.of());
        if (reply.status() == 404) {
            return new Check(expected, 0, expected, 0, 0);
        }
        JsonNode view = reply.json();
        long syncs = view.path("syncCount").asLong();
        List<Integer> steps = new ArrayList<>();
        view.path("progress").forEach(item -> steps.add(Payloads.step(item.path("NoiDungXuLy").asText(null))));
        long distinct = steps.stream().filter(s -> s >= 1 && s <= progress).distinct().count();
        long outOfOrder = 0;
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) < steps.get(i - 1)) {
                outOfOrder++;
            }
        }
        long received = 1 + distinct;
        long duplicates = (syncs - 1) + (steps.size() - distinct);
        return new Check(expected, received, expected - received, outOfOrder, duplicates);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
