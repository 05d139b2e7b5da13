package vn.lienthong.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import vn.lienthong.cluster.Leases;
import vn.lienthong.delivery.DeliveryProperties;

/**
 * Which instance runs the held messages' retrier (routes/held-messages.yaml): the one holding the lease
 * {@value #LEASE}, renewed on every run, so that the retrier runs on exactly one instance at a time and another takes
 * over when the holder dies (after {@code lienthong.delivery.retrier-lease}) or stops (at once).
 */
@Component("heldRetrier")
public class HeldRetrier {

    static final String LEASE = "held-messages-retrier";
    private static final Logger log = LoggerFactory.getLogger(HeldRetrier.class);

    private final Leases leases;
    private final DeliveryProperties delivery;

    public HeldRetrier(Leases leases, DeliveryProperties delivery) {
        this.leases = leases;
        this.delivery = delivery;
    }

    public boolean holdsLease() {
        try {
            return leases.acquire(LEASE, delivery.retrierLease());
        } catch (DataAccessException storageDown) {
            log.debug("retrier lease not renewed: {}", storageDown.toString());
            return false;
        }
    }

    @PreDestroy
    void release() {
        try {
            leases.release(LEASE);
        } catch (DataAccessException storageDown) {
            log.warn("retrier lease not released (another instance takes over when it expires): {}",
                    storageDown.toString());
        }
    }
}
