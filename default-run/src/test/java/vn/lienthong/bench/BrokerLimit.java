package vn.lienthong.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import vn.lienthong.mapping.Mappings;
import vn.lienthong.mapping.MappingsProperties;

/**
 * The limit of the one hop the gateway cannot avoid: the same messages (the canonical JSON the gateway queues, with
 * the same properties and message group) sent persistently to the same embedded broker and consumed in transacted
 * sessions, one commit per message, by plain JMS: no Camel, no HTTP, no mapping, no tracking database. It goes over
 * the broker's loopback TCP acceptor, where the gateway uses in-VM.
 */
final class BrokerLimit {

    static final String QUEUE = "bench.limit";

    /** One dossier's messages as the gateway queues them (canonical JSON), in order. */
    record Group(String maHoSo, List<String> bodies) {
    }

    record Result(long messages, double seconds, double producedSeconds, Latencies sendLatency, long averageBytes) {
        double perSecond() {
            return messages / seconds;
        }
    }

    private BrokerLimit() {
    }

    /** Translates the phase's bodies with the gateway's own input mappings, as its ingress does before queueing. */
    static List<Group> canonical(Phase phase, Path mappingsDirectory) {
        Mappings mappings = new Mappings(new MappingsProperties(mappingsDirectory), BenchHttp.JSON);
        List<Group> groups = new ArrayList<>();
        try {
            for (Phase.Dossier dossier : phase.dossiers) {
                List<String> bodies = new ArrayList<>();
                bodies.add(write(mappings.apply("dvcqg/dossier-to-canonical", read(dossier.body()), Map.of())));
                for (byte[] item : dossier.progress()) {
                    ArrayNode items = BenchHttp.JSON.createArrayNode().add(read(item)); // the ingress sends arrays
                    bodies.add(write(mappings.apply("dvcqg/progress-to-canonical", items,
                            Map.of("maHoSo", dossier.maHoSo()))));
                }
                groups.add(new Group(dossier.maHoSo(), bodies));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return groups;
    }

    static Result run(String brokerUrl, List<Group> groups, int producers, int consumers) throws Exception {
        long total = groups.stream().mapToLong(g -> g.bodies().size()).sum();
        long bytes = groups.stream().flatMap(g -> g.bodies().stream())
                .mapToLong(b -> b.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        Latencies sendLatency = new Latencies();
        AtomicLong consumed = new AtomicLong();
        CountDownLatch allConsumed = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
             Connection consuming = factory.createConnection();
             Connection producing = factory.createConnection()) {
            consuming.start();
            for (int c = 0; c < consumers; c++) {
                Session session = consuming.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
                threads.add(start("bench-jms-consumer-" + c, () -> {
                    while (allConsumed.getCount() > 0) {
                        if (consumer.receive(100) != null) {
                            session.commit();
                            if (consumed.incrementAndGet() == total) {
                                allConsumed.countDown();
                            }
                        }
                    }
                }));
            }
            AtomicInteger next = new AtomicInteger();
            CountDownLatch produced = new CountDownLatch(producers);
            long start = System.nanoTime();
            for (int p = 0; p < producers; p++) {
                Session session = producing.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue queue = session.createQueue(QUEUE);
                MessageProducer producer = session.createProducer(queue);
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                threads.add(start("bench-jms-producer-" + p, () -> {
                    try {
                    for (int i = next.getAndIncrement(); i < groups.size(); i = next.getAndIncrement()) {
                        Group group = groups.get(i);
                        for (int k = 0; k < group.bodies().size(); k++) {
                            TextMessage message = session.createTextMessage(group.bodies().get(k));
                            message.setStringProperty("LienthongTrackingId", UUID.randomUUID().toString());
                            message.setStringProperty("LienthongKind", k == 0 ? "DOSSIER" : "PROGRESS");
                            message.setStringProperty("LienthongMaHoSo", group.maHoSo());
                            message.setStringProperty("LienthongUnitCode", Payloads.UNIT);
                            message.setStringProperty("LienthongClientId", "demo-dvcqg");
                            message.setStringProperty("JMSXGroupID", group.maHoSo());
                            long sent = System.nanoTime();
                            producer.send(message); // blocks until the broker has it in its journal
                            sendLatency.add(System.nanoTime() - sent);
                        }
                    }
                    } finally {
                        produced.countDown();
                    }
                }));
            }
            if (!produced.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("broker limit: producers still sending after 120 s");
            }
            double producedSeconds = (System.nanoTime() - start) / 1e9;
            if (!allConsumed.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("broker limit: only " + consumed.get() + " of " + total
                        + " consumed after 120 s");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Thread thread : threads) {
                thread.join(5_000);
            }
            return new Result(total, seconds, producedSeconds, sendLatency, bytes / Math.max(1, total));
        } finally {
            allConsumed.countDown();
        }
    }

    private interface JmsWork {
        void run() throws JMSException;
    }

    private static Thread start(String name, JmsWork work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (JMSException e) {
                throw new IllegalStateException(name + " failed", e);
            }
        }, name);
        thread.start();
        return thread;
    }

    private static JsonNode read(byte[] json) throws java.io.IOException {
        return BenchHttp.JSON.readTree(json);
    }

    private static String write(Object value) throws JsonProcessingException {
        return BenchHttp.JSON.writeValueAsString(value);
    }
}
