package vn.lienthong.metrics;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.lienthong.broker.BrokerManagement;
import vn.lienthong.broker.BrokerManagement.QueueCounts;
import vn.lienthong.broker.GatewayQueues;

/**
 * The gateway's queues ({@link GatewayQueues}) as the broker's management counts them (depth, age of the oldest message, consumers:
 * {@link BrokerManagement#counts}), never by browsing them. A snapshot is kept a second: a scrape reads three gauges
 * per queue.
 */
@Component
public class BrokerQueues {

    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    private final List<String> names;
    private final BrokerManagement management;
    private volatile List<QueueCounts> snapshot;
    private volatile long snapshotAt;

    public BrokerQueues(GatewayQueues queues, BrokerManagement management) {
        this.names = queues.names();
        this.management = management;
    }

    public List<String> names() {
        return names;
    }

    /** Every queue, in the order of {@link #names()}; a queue the broker cannot tell about has depth -1. */
    public synchronized List<QueueCounts> read() {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshotAt > SNAPSHOT_NANOS) {
            snapshot = readNow();
            snapshotAt = now;
        }
        return snapshot;
    }

    public QueueCounts read(String name) {
        return read().stream().filter(q -> q.name().equals(name)).findFirst().orElse(QueueCounts.unknown(name));
    }

    private List<QueueCounts> readNow() {
        return management.counts(names);
    }

}
