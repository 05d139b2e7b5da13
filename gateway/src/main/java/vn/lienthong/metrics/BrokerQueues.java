package vn.lienthong.metrics;

import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

/**
 * The gateway's five queues as the broker's management sees them (depth, age of the oldest message, consumers), never
 * by browsing them. The embedded broker is asked through its management service (in process); an external broker
 * (prod) through Artemis management messages on {@code activemq.management}, over the gateway's own connection (its
 * user needs the {@code manage} permission). A snapshot is kept a second: a scrape reads three gauges per queue.
 */
@Component
public class BrokerQueues {

    private static final Logger log = LoggerFactory.getLogger(BrokerQueues.class);
    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    private final List<String> names;
    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final ObjectProvider<ConnectionFactory> connections;
    private volatile List<QueueView> snapshot;
    private volatile long snapshotAt;

    public BrokerQueues(@Value("${lienthong.queues.dossier-to-portal}") String dossierToPortal,
                        @Value("${lienthong.queues.dossier-dead-letter}") String dossierDeadLetter,
                        @Value("${lienthong.queues.document-to-axis}") String documentToAxis,
                        @Value("${lienthong.queues.document-from-axis}") String documentFromAxis,
                        @Value("${lienthong.queues.document-dead-letter}") String documentDeadLetter,
                        ObjectProvider<EmbeddedActiveMQ> embedded, ObjectProvider<ConnectionFactory> connections) {
        this.names = List.of(dossierToPortal, dossierDeadLetter, documentToAxis, documentFromAxis, documentDeadLetter);
        this.embedded = embedded;
        this.connections = connections;
    }

    public List<String> names() {
        return names;
    }

    /** Every queue, in the order of {@link #names()}; a queue the broker cannot tell about has depth -1. */
    public synchronized List<QueueView> read() {
        long now = System.nanoTime();
        if (snapshot == null || now - snapshotAt > SNAPSHOT_NANOS) {
            snapshot = readNow();
            snapshotAt = now;
        }
        return snapshot;
    }

    public QueueView read(String name) {
        return read().stream().filter(q -> q.name().equals(name)).findFirst().orElse(QueueView.unknown(name));
    }

    private List<QueueView> readNow() {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        List<QueueView> views = new ArrayList<>();
        if (broker != null && broker.getActiveMQServer() != null) {
            for (String name : names) {
                Object resource = broker.getActiveMQServer().getManagementService()
                        .getResource(ResourceNames.QUEUE + name);
                views.add(resource instanceof QueueControl queue ? view(name, queue) : QueueView.unknown(name));
            }
            return views;
        }
        ConnectionFactory factory = connections.getIfAvailable();
        if (factory == null) {
            names.forEach(name -> views.add(QueueView.unknown(name)));
            return views;
        }
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueRequestor requestor = new QueueRequestor((QueueSession) session,
                    ActiveMQJMSClient.createQueue("activemq.management"));
            connection.start();
            for (String name : names) {
                long depth = ((Number) attribute(session, requestor, name, "messageCount")).longValue();
                Object age = attribute(session, requestor, name, "firstMessageAge");
                int consumers = ((Number) attribute(session, requestor, name, "consumerCount")).intValue();
                views.add(new QueueView(name, depth, age instanceof Number n ? n.longValue() : null, consumers));
            }
        } catch (Exception e) {
            log.debug("the broker's management did not answer: {}", e.toString());
            views.clear();
            names.forEach(name -> views.add(QueueView.unknown(name)));
        }
        return views;
    }

    private static Object attribute(Session session, QueueRequestor requestor, String queue, String attribute)
            throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        return JMSManagementHelper.getResult(requestor.request(request));
    }

    private static QueueView view(String name, QueueControl queue) {
        Long age;
        try {
            age = queue.getFirstMessageAge();
        } catch (Exception e) {
            age = null;
        }
        return new QueueView(name, queue.getMessageCount(), age, queue.getConsumerCount());
    }

    /** One queue: its depth, the age of its oldest message in ms (null when empty) and its consumers. */
    public record QueueView(String name, long depth, Long oldestAgeMillis, int consumers) {
        static QueueView unknown(String name) {
            return new QueueView(name, -1, null, 0);
        }
    }
}
