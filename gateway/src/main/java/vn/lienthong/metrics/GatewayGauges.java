package vn.lienthong.metrics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What is waiting, read when Prometheus scrapes: each queue's depth, oldest message age and consumers
 * ({@code lienthong_queue_depth{queue}}, {@code lienthong_queue_oldest_age_seconds{queue}},
 * {@code lienthong_queue_consumers{queue}}), and the held messages per flow ({@code lienthong_held_messages{flow}};
 * a dead letter kept at the head of its dossier is counted in its dead-letter queue, not here).
 */
@Component
public class GatewayGauges {

    public GatewayGauges(MeterRegistry registry, BrokerQueues queues, JdbcTemplate jdbc) {
        for (String name : queues.names()) {
            Gauge.builder("lienthong.queue.depth", queues, q -> q.read(name).depth())
                    .description("Messages in the queue (the broker's count, -1 when it cannot tell)")
                    .tag("queue", name).register(registry);
            Gauge.builder("lienthong.queue.oldest.age", queues, q -> {
                        Long age = q.read(name).oldestAgeMillis();
                        return age == null ? 0 : age / 1000.0;
                    })
                    .description("Age of the queue's oldest message (0 when empty)")
                    .baseUnit("seconds")
                    .tag("queue", name).register(registry);
            Gauge.builder("lienthong.queue.consumers", queues, q -> q.read(name).consumers())
                    .description("Consumers on the queue")
                    .tag("queue", name).register(registry);
        }
        for (Flow flow : Flow.values()) {
            String kinds = flow.sqlKinds();
            // The held messages' own table stays small (the tracking table grows with every message).
            String count = "select count(*) from held_message where parked = false and kind in (" + kinds + ")";
            Gauge.builder("lienthong.held.messages", jdbc, db -> {
                        Long n = db.queryForObject(count, Long.class);
                        return n == null ? 0 : n;
                    })
                    .description("Messages set aside in the held messages (a failing portal, or waiting behind one)")
                    .tag("flow", flow.tag()).register(registry);
        }
    }
}
