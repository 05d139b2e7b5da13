package vn.lienthong.tracking;

/**
 * Told of every outcome the trail records (accepted, held, delivered, rejected, dead-lettered, quarantined, put back)
 * once it is written (after its own transaction, or inside the caller's when there is one), on the thread that wrote
 * it: metrics and outcome logs count each message once, here. Keep it cheap: it runs on the delivery's hot path.
 */
public interface TrackingListener {

    void changed(StateChange change);
}
