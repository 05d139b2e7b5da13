package vn.lienthong.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages of one load phase (dossiers, each followed by its progress items) and what the gateway answered:
 * counts, accept latency and when the first request left and the last 202 came back.
 */
final class Phase {

    /** A dossier and its progress items, as the HTTP bodies to post. */
    record Dossier(String maHoSo, byte[] body, List<byte[]> progress) {
    }

    final String name;
    final List<Dossier> dossiers;
    final int progressPerDossier;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong acceptedDossiers = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final Latencies acceptLatency = new Latencies();
    volatile long startNanos;
    volatile long startEpochMillis;
    volatile long endNanos;

    Phase(String name, List<Dossier> dossiers, int progressPerDossier) {
        this.name = name;
        this.dossiers = dossiers;
        this.progressPerDossier = progressPerDossier;
    }

    long messages() {
        return (long) dossiers.size() * (1 + progressPerDossier);
    }

    void started() {
        startEpochMillis = System.currentTimeMillis();
        startNanos = System.nanoTime();
    }

    void ended() {
        endNanos = System.nanoTime();
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    double acceptedPerSecond() {
        return accepted.get() / seconds();
    }
}
