package vn.lienthong.delivery;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination's circuit (the portal, the axis, the e-office: {@link DestinationCircuits}): tells an outage from a
 * poison message, so that a down destination is not hammered while a poison message is only set aside. A destination
 * counts as down when its calls failed for {@code lienthong.delivery.outage-dossiers} different ordering keys in a row
 * (dossiers, documents), without a success in between (one key failing again and again is that message's problem).
 * Then every delivery to it pauses: consumers wait with their message unacknowledged in the broker, the held messages'
 * retrier skips its messages for it; after the pause one call tries the destination: a success resumes everything, a
 * failure pauses again, twice as long (from {@code redelivery-delay} up to {@code outage-maximum-pause}).
 */
public class DestinationCircuit {

    private static final Logger log = LoggerFactory.getLogger(DestinationCircuit.class);
    private static final long WAIT_SLICE_MS = 200;

    private final String destination;
    private final int outageKeys;
    private final long firstPauseNanos;
    private final double multiplier;
    private final long maximumPauseNanos;
    private final Set<String> failingKeys = new HashSet<>();
    private boolean open;
    private long openUntil;
    private long pauseNanos;
    /** The one call trying the destination after a pause (null: none in flight). */
    private Thread probe;

    public DestinationCircuit(String destination, DeliveryProperties delivery) {
        this.destination = destination;
        this.outageKeys = Math.max(1, delivery.outageDossiers());
        this.firstPauseNanos = delivery.redeliveryDelay().toNanos();
        this.multiplier = delivery.backOffMultiplier();
        this.maximumPauseNanos = delivery.outageMaximumPause().toNanos();
        this.pauseNanos = firstPauseNanos;
    }

    /** The destination's name (portal, axis, eoffice): its health component and metric tag. */
    public String destination() {
        return destination;
    }

    /** Whether deliveries pause for an outage of the destination (health and metrics show it). */
    public synchronized boolean isOpen() {
        return open;
    }

    /** Whether a call could go now (without waiting and without claiming the trial call). */
    public synchronized boolean allowsCall() {
        return !open || (probe == null && System.nanoTime() - openUntil >= 0);
    }

    /**
     * Returns when a call may go: at once while the destination is up; during an outage, once the pause is over and
     * this caller is the one to try it.
     *
     * @throws DestinationUnavailableException when {@code stopping} says the gateway stops meanwhile
     */
    public void awaitPermission(BooleanSupplier stopping) {
        while (true) {
            long wait;
            synchronized (this) {
                if (!open || probe == Thread.currentThread()) {
                    return;
                }
                long now = System.nanoTime();
                if (probe == null && now - openUntil >= 0) {
                    probe = Thread.currentThread();
                    return;
                }
                wait = Math.max(1, Math.min(WAIT_SLICE_MS, (openUntil - now) / 1_000_000));
            }
            if (stopping.getAsBoolean()) {
                throw new DestinationUnavailableException(destination, "the gateway is stopping while deliveries pause for an outage of " + destination);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DestinationUnavailableException(destination, "interrupted while deliveries pause for an outage of " + destination);
            }
        }
    }

    /**
     * One call through the circuit: it waits while the destination is down (see {@link #awaitPermission}), and its
     * outcome is told to the circuit: any answer is a success, a {@link DestinationUnavailableException} a failure for
     * {@code key}, anything else (e.g. a request that could not be built) neither.
     */
    public <T> T call(String key, BooleanSupplier stopping, Supplier<T> call) {
        awaitPermission(stopping);
        boolean told = false;
        try {
            T answer = call.get();
            succeeded();
            told = true;
            return answer;
        } catch (DestinationUnavailableException e) {
            failed(key);
            told = true;
            throw e;
        } finally {
            if (!told) {
                abandoned();
            }
        }
    }

    /** The destination answered (whatever it said): it is up. */
    public synchronized void succeeded() {
        if (open) {
            log.info("{} answers again: deliveries resume", destination);
        }
        open = false;
        probe = null;
        pauseNanos = firstPauseNanos;
        failingKeys.clear();
    }

    /** A call about the message of {@code key} (its ordering key) could not reach the destination, or it failed. */
    public synchronized void failed(String key) {
        if (open) {
            if (probe == Thread.currentThread()) {
                probe = null;
                pause();
            }
            // else: a call that began before the pause; it is already counted in it
            return;
        }
        failingKeys.add(String.valueOf(key));
        if (failingKeys.size() >= outageKeys) {
            open = true;
            pause();
        }
    }

    /** The call ended without an answer either way (e.g. its envelope could not be built): another may try. */
    public synchronized void abandoned() {
        if (probe == Thread.currentThread()) {
            probe = null;
        }
    }

    private void pause() {
        openUntil = System.nanoTime() + pauseNanos;
        log.warn("{} failed calls for {} different messages in a row: deliveries to it pause for {} ms", destination,
                failingKeys.size(), pauseNanos / 1_000_000);
        pauseNanos = (long) Math.min(pauseNanos * multiplier, maximumPauseNanos);
    }
}
