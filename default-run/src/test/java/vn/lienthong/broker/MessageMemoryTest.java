package vn.lienthong.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import ch.qos.logback.classic.Level;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * A backlog larger than {@code lienthong.broker.message-memory} is paged to disk by the embedded broker as the gateway
 * configures it, and comes back whole: every message once, each dossier's (message group's) in the order sent.
 */
class MessageMemoryTest {

    private static final String QUEUE = "lienthong.dossier.to-portal";
    private static final int DOSSIERS = 60;
    private static final int PER_DOSSIER = 25;
    private static final byte[] BODY = new byte[2_000];

    @TempDir
    Path data;

    private EmbeddedActiveMQ broker;

    @BeforeAll
    static void quietAudit() {
        // Artemis logs every message at INFO in its audit loggers (the gateway's application.yaml quiets them)
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq.audit")).setLevel(Level.WARN);
    }

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void backlogBeyondTheMessageMemoryIsPagedAndComesBackInOrder() throws Exception {
        ActiveMQServer server = start(DataSize.ofKilobytes(512));
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
        try (Connection connection = factory.createConnection()) {
            Session producing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = producing.createQueue(QUEUE);
            MessageProducer producer = producing.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int step = 0; step < PER_DOSSIER; step++) {
                for (int dossier = 0; dossier < DOSSIERS; dossier++) {
                    BytesMessage message = producing.createBytesMessage();
                    message.writeBytes(BODY);
                    message.setStringProperty("JMSXGroupID", "H" + dossier);
                    message.setIntProperty("step", step);
                    producer.send(message);
                }
            }
            // 1,500 messages of 2 KB against 512 KB of message memory: most of them wait on disk
            assertThat(server.getPagingManager().getPageStore(SimpleString.of(QUEUE)).isPaging()).isTrue();

            Map<String, List<Integer>> received = new ConcurrentHashMap<>();
            AtomicInteger count = new AtomicInteger();
            connection.start();
            for (int consumer = 0; consumer < 4; consumer++) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer messages = session.createConsumer(queue);
                messages.setMessageListener(message -> {
                    try {
                        received.computeIfAbsent(message.getStringProperty("JMSXGroupID"),
                                group -> Collections.synchronizedList(new ArrayList<>()))
                                .add(message.getIntProperty("step"));
                        session.commit();
                        count.incrementAndGet();
                    } catch (JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> count.get() >= DOSSIERS * PER_DOSSIER);

            assertThat(count.get()).isEqualTo(DOSSIERS * PER_DOSSIER);
            assertThat(received).hasSize(DOSSIERS);
            List<Integer> inOrder = IntStream.range(0, PER_DOSSIER).boxed().toList();
            received.forEach((dossier, steps) -> assertThat(steps).as(dossier).containsExactlyElementsOf(inOrder));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    !server.getPagingManager().getPageStore(SimpleString.of(QUEUE)).isPaging());
        }
    }

    private ActiveMQServer start(DataSize messageMemory) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .addAcceptorConfiguration("in-vm", "vm://0");
        BrokerProperties properties = new BrokerProperties("", 20, Duration.ofNanos(200_000), messageMemory);
        new EmbeddedBrokerCustomizer(properties, GatewayQueues.of("dossier-to-portal", QUEUE,
                "dossier-dead-letter", "lienthong.dossier.dead-letter", "document-to-axis", "lienthong.document.to-axis", "document-from-axis", "lienthong.document.from-axis",
                "document-dead-letter", "lienthong.document.dead-letter")).customize(configuration);
        broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        return broker.getActiveMQServer();
    }
}
