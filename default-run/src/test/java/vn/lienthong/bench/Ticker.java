package vn.lienthong.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a progress line every few seconds while a long phase runs. */
final class Ticker implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-ticker");
        thread.setDaemon(true);
        return thread;
    });

    Ticker(int seconds, Supplier<String> line) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> System.out.printf("  [%5.1f s] %s%n", (System.nanoTime() - start) / 1e9,
                line.get()), seconds, seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
