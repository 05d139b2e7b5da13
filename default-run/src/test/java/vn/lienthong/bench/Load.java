package vn.lienthong.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a phase's messages into the gateway. Each dossier is sent by one client: the dossier, then its progress
 * items one by one, each after the previous one's 202 (the order of a dossier's messages is the sender's); several
 * clients work on different dossiers in parallel.
 */
final class Load {

    private Load() {
    }

    /** Closed loop: {@code clients} threads send as fast as the gateway answers. */
    static void closedLoop(Phase phase, Sender sender, int clients) {
        AtomicInteger next = new AtomicInteger();
        phase.started();
        run(clients, "client", () -> {
            for (int i = next.getAndIncrement(); i < phase.dossiers.size(); i = next.getAndIncrement()) {
                Phase.Dossier dossier = phase.dossiers.get(i);
                for (int step = 0; step <= phase.progressPerDossier; step++) {
                    sender.send(phase, dossier, step, System.nanoTime());
                }
            }
        });
        phase.ended();
        sender.closeConnections();
    }

    /**
     * Open loop at a fixed offered rate: message slot s is due at start + s / rate whatever the previous answers took
     * (a late slot is counted from when it was due). {@code workers} threads must cover rate x accept latency.
     *
     * @return the offered rate actually achieved (messages per second between the first and the last send)
     */
    static double paced(Phase phase, Sender sender, int ratePerSecond, int workers) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong slots = new AtomicLong();
        AtomicLong lastSend = new AtomicLong();
        long periodNanos = 1_000_000_000L / ratePerSecond;
        phase.started();
        long start = phase.startNanos;
        run(workers, "paced", () -> {
            for (int i = next.getAndIncrement(); i < phase.dossiers.size(); i = next.getAndIncrement()) {
                Phase.Dossier dossier = phase.dossiers.get(i);
                for (int step = 0; step <= phase.progressPerDossier; step++) {
                    long due = start + slots.getAndIncrement() * periodNanos;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    lastSend.accumulateAndGet(System.nanoTime(), Math::max);
                    sender.send(phase, dossier, step, due);
                }
            }
        });
        phase.ended();
        sender.closeConnections();
        return (phase.sent.get() - 1) / ((lastSend.get() - start) / 1e9);
    }

    private static void run(int threads, String name, Runnable work) {
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(work, "bench-" + name + "-" + t);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
