package vn.lienthong.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes the embedded Artemis broker: a loopback TCP acceptor for tools and the benchmark, JMX for the console, a
 * bound on the heap its queued messages take (the rest is paged to disk), a dead-letter safety net, and the gateway's
 * queues declared up front. Messages are retried by the routes while they stay unacknowledged in the broker.
 */
@Component
@ConditionalOnProperty(prefix = "spring.artemis.embedded", name = "enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedBrokerCustomizer implements ArtemisConfigurationCustomizer {

    private final BrokerProperties properties;
    private final GatewayQueues queues;

    public EmbeddedBrokerCustomizer(BrokerProperties properties, GatewayQueues queues) {
        this.properties = properties;
        this.queues = queues;
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
            requireFreePort(properties.tcpAcceptor());
            try {
                configuration.addAcceptorConfiguration("tcp", properties.tcpAcceptor());
            } catch (Exception e) {
                throw new IllegalStateException("lienthong.broker.tcp-acceptor: " + properties.tcpAcceptor(), e);
            }
        }
        // The broker's own dead letters go where operators look: the dead-letter queue of the message's flow (GET
        // /api/v1/dead-letters), declared below; no per-address queue is auto-created beside it (the broker would share
        // the dead letters between the two queues of the address, and operators list only one). Anything else's
        // go to the first flow's.
        Map<String, String> deadLetters = queues.deadLetterQueues();
        deadLetters.values().stream().findFirst()
                .ifPresent(first -> configuration.addAddressSetting("#", deadLetters(first)));
        deadLetters.forEach((queue, deadLetter) -> configuration.addAddressSetting(queue, deadLetters(deadLetter)));
        // Declared, not auto-created on first use: the broker never deletes them when they empty (a dead-letter queue
        // emptied by a replay was deleted, and its listing failed until it came back), and the console lists every
        // one of them from the start, the dead-letter queues before their first dead letter.
        for (String queue : queues.names()) {
            configuration.addQueueConfiguration(QueueConfiguration.of(queue)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true)
                    .setAutoDelete(false));
        }
    }

    /**
     * Artemis reports a taken port only in its log and carries on without the acceptor; the gateway would then run
     * half-alive. Checked here, before the broker starts, so start-up stops with the reason.
     */
    static void requireFreePort(String acceptor) {
        URI uri;
        try {
            uri = new URI(acceptor.split("\\?", 2)[0]);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("lienthong.broker.tcp-acceptor is not a URL: " + acceptor, e);
        }
        String host = uri.getHost() == null ? "0.0.0.0" : uri.getHost();
        int port = uri.getPort() < 0 ? 61616 : uri.getPort();
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new BrokerPortInUseException(acceptor, host, port);
        } catch (IOException e) {
            throw new IllegalStateException("lienthong.broker.tcp-acceptor " + acceptor + ": " + e.getMessage(), e);
        }
    }

    private AddressSettings deadLetters(String queue) {
        // Management listings (the dead-letter listings read them) carry whole property values: a reason is not cut.
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(queue))
                .setMaxDeliveryAttempts(properties.maxDeliveryAttempts())
                .setManagementMessageAttributeSizeLimit(-1);
    }
}
