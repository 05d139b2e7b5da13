package vn.lienthong.broker;

import java.util.List;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes the embedded Artemis broker: a loopback TCP acceptor for tools and the benchmark, JMX for the console, a
 * bound on the heap its queued messages take (the rest is paged to disk), and a dead-letter safety net. Messages are
 * retried by the routes while they stay unacknowledged in the broker.
 */
@Component
@ConditionalOnProperty(prefix = "spring.artemis.embedded", name = "enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedBrokerCustomizer implements ArtemisConfigurationCustomizer {

    private final BrokerProperties properties;
    private final String deadLetterQueue;
    private final List<String> documentQueues;
    private final String documentDeadLetterQueue;

    /**
     * The broker's own dead letters go where operators look: the gateway's dead-letter queues (GET /dead-letters,
     * GET /documents/dead-letters).
     */
    public EmbeddedBrokerCustomizer(BrokerProperties properties,
                                    @Value("${lienthong.queues.dossier-dead-letter}") String deadLetterQueue,
                                    @Value("${lienthong.queues.document-to-axis}") String documentsToAxis,
                                    @Value("${lienthong.queues.document-from-axis}") String documentsFromAxis,
                                    @Value("${lienthong.queues.document-dead-letter}") String documentDeadLetterQueue) {
        this.properties = properties;
        this.deadLetterQueue = deadLetterQueue;
        this.documentQueues = List.of(documentsToAxis, documentsFromAxis);
        this.documentDeadLetterQueue = documentDeadLetterQueue;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        configuration.setJMXManagementEnabled(true);
        configuration.setJournalType(org.apache.activemq.artemis.core.server.JournalType.NIO);
        configuration.setJournalBufferTimeout_NIO((int) properties.journalBufferTimeout().toNanos());
        // A backlog (a portal outage) beyond this is paged to disk instead of filling the heap; a durable send to a
        // paging queue waits for its page file's sync, gathered as the journal's are.
        configuration.setGlobalMaxSize(properties.messageMemory().toBytes());
        configuration.setPageSyncTimeout((int) properties.journalBufferTimeout().toNanos());
        if (properties.tcpAcceptor() != null && !properties.tcpAcceptor().isBlank()) {
            try {
                configuration.addAcceptorConfiguration("tcp", properties.tcpAcceptor());
            } catch (Exception e) {
                throw new IllegalStateException("lienthong.broker.tcp-acceptor: " + properties.tcpAcceptor(), e);
            }
        }
        configuration.addAddressSetting("#", deadLetters(deadLetterQueue));
        for (String queue : documentQueues) {
            configuration.addAddressSetting(queue, deadLetters(documentDeadLetterQueue));
        }
    }

    private AddressSettings deadLetters(String queue) {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(queue))
                .setMaxDeliveryAttempts(properties.maxDeliveryAttempts())
                .setAutoCreateDeadLetterResources(true);
    }
}
