package vn.lienthong.broker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Extra settings of the embedded broker, under {@code lienthong.broker} (the rest is {@code spring.artemis.*}).
 *
 * @param tcpAcceptor              URL of a TCP acceptor so that tools and other processes can reach the embedded
 *                                 broker (empty, the default: in-VM only). The embedded broker asks no credentials:
 *                                 whoever reaches the acceptor can read, send and remove messages, so keep it off or
 *                                 on 127.0.0.1. A port in use stops start-up with that reason.
 * @param maxDeliveryAttempts      broker-side safety net: a message redelivered this often (e.g. the gateway kept
 *                                 crashing on it) moves to the gateway's dead-letter queue
 * @param journalBufferTimeout     how long the journal gathers writes before one disk sync. Artemis's uncalibrated
 *                                 default is 3.3 ms; {@code artemis create} measured about 5,400 syncs/s on this kind
 *                                 of disk (about 185 us each), and 200 us brought a durable send from 3.5 to 1.4 ms;
 *                                 also how long a page file gathers writes before its sync (see below)
 * @param messageMemory            how much of the heap the broker's queued messages may take, all queues together
 *                                 (Artemis's global-max-size); further messages are paged to disk ({@code paging} in
 *                                 the broker's directory) and read back as the consumers catch up. Artemis's own
 *                                 default is half the heap: a 100,000-message backlog took the gateway's heap to
 *                                 466 of 512 MiB
 */
@ConfigurationProperties(prefix = "lienthong.broker")
public record BrokerProperties(
        @DefaultValue("") String tcpAcceptor,
        @DefaultValue("20") int maxDeliveryAttempts,
        @DefaultValue("200us") Duration journalBufferTimeout,
        @DefaultValue("96MB") DataSize messageMemory) {
}
