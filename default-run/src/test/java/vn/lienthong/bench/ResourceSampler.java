package vn.lienthong.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Samples the gateway every 200 ms (or as often as told): heap in use (actuator {@code jvm.memory.used}, area heap)
 * and resident memory (VmRSS); keeps the peaks, over the whole run and over a window ({@link #startWindow()}, e.g.
 * one phase). The peak RSS of the whole run is VmHWM, read at the end.
 */
final class ResourceSampler implements AutoCloseable {

    private final BenchHttp http;
    private final String heapUrl;
    private final long pid;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile double heapMb;
    private volatile double peakHeapMb;
    private volatile double peakRssMb;
    private volatile double windowPeakHeapMb;
    private volatile double windowPeakRssMb;
    private volatile long samples;

    ResourceSampler(BenchHttp http, String gatewayUrl, long pid) {
        this(http, gatewayUrl, pid, 200);
    }

    ResourceSampler(BenchHttp http, String gatewayUrl, long pid, long intervalMillis) {
        this.http = http;
        this.heapUrl = gatewayUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap";
        this.pid = pid;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::sample, "bench-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void sample() {
        while (running) {
            try {
                JsonNode metric = http.getJson(heapUrl, BenchHttp.OPERATOR);
                heapMb = metric.path("measurements").path(0).path("value").asDouble() / (1024 * 1024);
                peakHeapMb = Math.max(peakHeapMb, heapMb);
                windowPeakHeapMb = Math.max(windowPeakHeapMb, heapMb);
                samples++;
            } catch (RuntimeException e) {
                // a missed sample; the next one comes in one interval
            }
            long rssKb = ProcFs.statusKb(pid, "VmRSS");
            peakRssMb = Math.max(peakRssMb, rssKb / 1024.0);
            windowPeakRssMb = Math.max(windowPeakRssMb, rssKb / 1024.0);
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    double heapMb() {
        return heapMb;
    }

    double peakHeapMb() {
        return peakHeapMb;
    }

    /** Starts a new window: its peaks begin at the current values. */
    void startWindow() {
        windowPeakHeapMb = heapMb;
        windowPeakRssMb = ProcFs.statusKb(pid, "VmRSS") / 1024.0;
    }

    /** Highest heap in use sampled since {@link #startWindow()}. */
    double windowPeakHeapMb() {
        return windowPeakHeapMb;
    }

    /** Highest VmRSS sampled since {@link #startWindow()}. */
    double windowPeakRssMb() {
        return windowPeakRssMb;
    }

    /** Heap samples taken so far. */
    long samples() {
        return samples;
    }

    /** VmHWM (the kernel's own peak) when the process is still there, else the highest sampled VmRSS. */
    double peakRssMb() {
        long hwm = ProcFs.statusKb(pid, "VmHWM");
        return hwm > 0 ? Math.max(peakRssMb, hwm / 1024.0) : peakRssMb;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
