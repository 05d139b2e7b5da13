package vn.lienthong.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Looks at the portal's counters every 250 ms during a scenario: how many items it has received (dossiers plus
 * progress items, duplicates included) and how many calls it got. From that: pauses in delivery and drain rates.
 */
final class PortalSampler implements AutoCloseable {

    /** One look: wall-clock time, items received so far, calls received so far. */
    record Sample(long atMillis, long received, long requests) {
    }

    private final SimulatorProcess portal;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "portal-sampler");
        thread.setDaemon(true);
        return thread;
    });

    PortalSampler(SimulatorProcess portal) {
        this.portal = portal;
        timer.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            JsonNode stats = portal.stats();
            long requests = 0;
            for (JsonNode count : stats.path("requests")) {
                requests += count.asLong();
            }
            Sample sample = new Sample(System.currentTimeMillis(),
                    stats.path("dossiers").asLong() + stats.path("progressItems").asLong(), requests);
            synchronized (samples) {
                samples.add(sample);
            }
        } catch (RuntimeException e) {
            // the portal did not answer this time: the next look counts
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    /** A sample taken now (not waiting for the timer). */
    Sample now() {
        sample();
        List<Sample> all = samples();
        return all.get(all.size() - 1);
    }

    /**
     * The longest time between [from, to] during which the portal received nothing new, measured from the last
     * increase before a flat stretch to the first increase after it.
     */
    long longestStallMillis(long fromMillis, long toMillis) {
        long longest = 0;
        Sample lastIncrease = null;
        Sample previous = null;
        for (Sample sample : samples()) {
            if (sample.atMillis() < fromMillis || sample.atMillis() > toMillis) {
                continue;
            }
            if (previous == null || sample.received() > previous.received()) {
                if (lastIncrease != null && previous != null && sample.received() > previous.received()) {
                    longest = Math.max(longest, sample.atMillis() - lastIncrease.atMillis());
                }
                lastIncrease = sample;
            }
            previous = sample;
        }
        return longest;
    }

    /** Items received per second between the two times. */
    double ratePerSecond(long fromMillis, long toMillis) {
        Sample first = at(fromMillis);
        Sample last = at(toMillis);
        double seconds = Math.max(0.001, (last.atMillis() - first.atMillis()) / 1000.0);
        return (last.received() - first.received()) / seconds;
    }

    /** The last sample taken at or before the time (the first one when none was). */
    Sample at(long millis) {
        List<Sample> all = samples();
        Sample found = all.get(0);
        for (Sample sample : all) {
            if (sample.atMillis() <= millis) {
                found = sample;
            }
        }
        return found;
    }

    /**
     * When the portal last received something new, up to the time: the end of a drain, even when some messages
     * never come (the wait for them is not counted).
     */
    long lastIncreaseAt(long toMillis) {
        long last = -1;
        Sample previous = null;
        for (Sample sample : samples()) {
            if (sample.atMillis() > toMillis) {
                break;
            }
            if (previous == null || sample.received() > previous.received()) {
                last = sample.atMillis();
            }
            previous = sample;
        }
        return last;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
