package vn.lienthong.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * The embedded broker as the gateway configures it holds the gateway's five queues from its start, keeps a dead-letter
 * queue when a replay empties it, and puts the messages it dead-letters itself in the queue operators list.
 */
class BrokerQueuesTest {

    private static final String TO_PORTAL = "lienthong.dossier.to-portal";
    private static final String DEAD_LETTER = "lienthong.dossier.dead-letter";
    private static final String DOCUMENT_DEAD_LETTER = "lienthong.document.dead-letter";

    @TempDir
    Path data;

    private EmbeddedActiveMQ broker;
    private ActiveMQServer server;

    @BeforeEach
    void start() throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .addAcceptorConfiguration("in-vm", "vm://7");
        BrokerProperties properties = new BrokerProperties("", 3, Duration.ofNanos(200_000), DataSize.ofMegabytes(16));
        new EmbeddedBrokerCustomizer(properties, GatewayQueues.of("dossier-to-portal", TO_PORTAL,
                "dossier-dead-letter", DEAD_LETTER, "document-to-axis", "lienthong.document.to-axis", "document-from-axis", "lienthong.document.from-axis",
                "document-dead-letter", DOCUMENT_DEAD_LETTER)).customize(configuration);
        broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        server = broker.getActiveMQServer();
    }

    @AfterEach
    void stop() throws Exception {
        broker.stop();
    }

    @Test
    void everyQueueExistsBeforeItsFirstMessageAndIsNeverAutoDeleted() {
        for (String name : new String[] {TO_PORTAL, DEAD_LETTER, "lienthong.document.to-axis",
                "lienthong.document.from-axis", DOCUMENT_DEAD_LETTER}) {
            Queue queue = server.locateQueue(SimpleString.of(name));
            assertThat(queue).as(name).isNotNull();
            assertThat(queue.isDurable()).as(name + " durable").isTrue();
            assertThat(queue.isAutoDelete()).as(name + " auto-delete").isFalse();
        }
    }

    @Test
    void aDeadLetterQueueEmptiedByAReplayStays() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://7");
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.Queue deadLetters = session.createQueue(DOCUMENT_DEAD_LETTER);
            session.createProducer(deadLetters).send(session.createTextMessage("parked"));
            try (MessageConsumer consumer = session.createConsumer(deadLetters)) {
                assertThat(consumer.receive(5_000)).isNotNull();
            }
        }
        Queue queue = server.locateQueue(SimpleString.of(DOCUMENT_DEAD_LETTER));
        assertThat(queue).isNotNull();
        assertThat(queue.getMessageCount()).isZero();
    }

    @Test
    void aMessageTheBrokerDeadLettersLandsInTheQueueOperatorsList() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://7");
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            jakarta.jms.Queue toPortal = session.createQueue(TO_PORTAL);
            session.createProducer(toPortal).send(session.createTextMessage("poison"));
            session.commit();
            try (MessageConsumer consumer = session.createConsumer(toPortal)) {
                for (int attempt = 1; attempt <= 3; attempt++) {
                    assertThat(consumer.receive(5_000)).as("delivery attempt " + attempt).isNotNull();
                    session.rollback();
                }
                assertThat(consumer.receiveNoWait()).isNull();
            }
        }
        // the broker moves the message after the last rollback returned: counted once it is there
        await().atMost(Duration.ofSeconds(10))
                .until(() -> server.locateQueue(SimpleString.of(DEAD_LETTER)).getMessageCount() == 1);
        assertThat(server.getPostOffice().getBindingsForAddress(SimpleString.of(DEAD_LETTER)).getBindings())
                .as("no auto-created queue beside the dead-letter queue").hasSize(1);
    }
}
