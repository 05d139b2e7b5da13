package vn.lienthong.broker;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes the embedded Artemis broker: a loopback TCP acceptor for tools and the benchmark, JMX for the console, and
 * a dead-letter safety net. Messages are retried by the routes while they stay unacknowledged in the broker.
 */
@Component
@ConditionalOnProperty(prefix = "spring.artemis.embedded", name = "enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedBrokerCustomizer implements ArtemisConfigurationCustomizer {

    private final BrokerProperties properties;
    private final String deadLetterQueue;

    /** The broker's own dead letters go where operators look: the gateway's dead-letter queue (GET /dead-letters). */
    public EmbeddedBrokerCustomizer(BrokerProperties properties,
                                    @Value("${lienthong.queues.dossier-dead-letter}") String deadLetterQueue) {
        this.properties = properties;
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        configuration.setJMXManagementEnabled(true);
        configuration.setJournalType(org.apache.activemq.artemis.core.server.JournalType.NIO);
        configuration.setJournalBufferTimeout_NIO((int) properties.journalBufferTimeout().toNanos());
        if (properties.tcpAcceptor() != null && !properties.tcpAcceptor().isBlank()) {
            try {
                configuration.addAcceptorConfiguration("tcp", properties.tcpAcceptor());
            } catch (Exception e) {
                throw new IllegalStateException("lienthong.broker.tcp-acceptor: " + properties.tcpAcceptor(), e);
            }
        }
        AddressSettings settings = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                .setMaxDeliveryAttempts(properties.maxDeliveryAttempts())
                .setAutoCreateDeadLetterResources(true);
        configuration.addAddressSetting("#", settings);
    }
}
