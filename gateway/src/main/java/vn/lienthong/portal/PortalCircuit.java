package vn.lienthong.portal;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.delivery.DeliveryProperties;

/**
 * Tells a portal outage from a poison message, so that a down portal is not hammered while a poison message is
 * only set aside. The portal counts as down when its calls failed for {@code lienthong.delivery.outage-dossiers}
 * different dossiers in a row, without a success in between (one dossier failing again and again is that dossier's
 * problem). Then every delivery pauses: consumers wait with their message unacknowledged in the broker, the held
 * messages' retrier skips its runs; after the pause one call tries the portal: a success resumes everything, a failure
 * pauses again, twice as long (from {@code redelivery-delay} up to {@code outage-maximum-pause}).
 */
@Component
public class PortalCircuit {

    private static final Logger log = LoggerFactory.getLogger(PortalCircuit.class);
    private static final long WAIT_SLICE_MS = 200;

    private final int outageDossiers;
    private final long firstPauseNanos;
    private final double multiplier;
    private final long maximumPauseNanos;
    private final Set<String> failingDossiers = new HashSet<>();
    private boolean open;
    private long openUntil;
    private long pauseNanos;
    /** The one call trying the portal after a pause (null: none in flight). */
    private Thread probe;

    public PortalCircuit(DeliveryProperties delivery) {
        this.outageDossiers = Math.max(1, delivery.outageDossiers());
        this.firstPauseNanos = delivery.redeliveryDelay().toNanos();
        this.multiplier = delivery.backOffMultiplier();
        this.maximumPauseNanos = delivery.outageMaximumPause().toNanos();
        this.pauseNanos = firstPauseNanos;
    }

    /** Whether deliveries pause for a portal outage (health and metrics show it). */
    public synchronized boolean isOpen() {
        return open;
    }

    /** Whether a call could go now (without waiting and without claiming the trial call). */
    public synchronized boolean allowsCall() {
        return !open || (probe == null && System.nanoTime() - openUntil >= 0);
    }

    /**
     * Returns when a call may go: at once while the portal is up; during an outage, once the pause is over and this
     * caller is the one to try the portal.
     *
     * @throws PortalUnavailableException when {@code stopping} says the gateway stops meanwhile
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
                throw new PortalUnavailableException("the gateway is stopping while deliveries pause for a portal outage");
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PortalUnavailableException("interrupted while deliveries pause for a portal outage");
            }
        }
    }

    /** The portal answered (whatever it said): it is up. */
    public synchronized void succeeded() {
        if (open) {
            log.info("the portal answers again: deliveries resume");
        }
        open = false;
        probe = null;
        pauseNanos = firstPauseNanos;
        failingDossiers.clear();
    }

    /** A call about {@code maHoSo} could not reach the portal or the portal failed it. */
    public synchronized void failed(String maHoSo) {
        if (open) {
            if (probe == Thread.currentThread()) {
                probe = null;
                pause();
            }
            // else: a call that began before the pause; it is already counted in it
            return;
        }
        failingDossiers.add(String.valueOf(maHoSo));
        if (failingDossiers.size() >= outageDossiers) {
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
        log.warn("the portal failed calls for {} different dossiers in a row: deliveries pause for {} ms",
                failingDossiers.size(), pauseNanos / 1_000_000);
        pauseNanos = (long) Math.min(pauseNanos * multiplier, maximumPauseNanos);
    }
}
