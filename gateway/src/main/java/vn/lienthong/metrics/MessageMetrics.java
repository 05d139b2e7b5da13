package vn.lienthong.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.tracking.StateChange;
import vn.lienthong.tracking.TrackingListener;

/**
 * {@code lienthong_messages_total{flow, kind, outcome}} and {@code lienthong_delivery_latency_seconds{flow}} (received
 * to delivered), counted where the trail records each outcome: a portal rejection is a rejection, once. Every meter is
 * registered up front, so a message costs two array lookups, never a meter lookup by name.
 */
@Component
public class MessageMetrics implements TrackingListener {

    /** Buckets of the latency histogram: a healthy delivery takes milliseconds, an outage minutes to hours. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12)};

    private final Map<MessageKind, Map<Outcome, Counter>> counters = new EnumMap<>(MessageKind.class);
    private final Map<Flow, Timer> latencies = new EnumMap<>(Flow.class);

    public MessageMetrics(MeterRegistry registry) {
        for (MessageKind kind : MessageKind.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("lienthong.messages")
                        .description("Messages by flow, kind and outcome, counted when their trail records it")
                        .tag("flow", Flow.of(kind).tag())
                        .tag("kind", kind.fileStem())
                        .tag("outcome", outcome.tag())
                        .register(registry));
            }
            counters.put(kind, byOutcome);
        }
        for (Flow flow : Flow.values()) {
            latencies.put(flow, Timer.builder("lienthong.delivery.latency")
                    .description("From a message's receipt to its destination's confirmation")
                    .tag("flow", flow.tag())
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry));
        }
    }

    @Override
    public void changed(StateChange change) {
        Outcome outcome = Outcome.of(change);
        MessageKind kind = kindOf(change.kind());
        if (outcome == null || kind == null) {
            return;
        }
        counters.get(kind).get(outcome).increment();
        if (outcome == Outcome.DELIVERED && change.receivedAt() != null) {
            latencies.get(Flow.of(kind)).record(Duration.between(change.receivedAt(), Instant.now()));
        }
    }

    private static MessageKind kindOf(String name) {
        try {
            return name == null ? null : MessageKind.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
