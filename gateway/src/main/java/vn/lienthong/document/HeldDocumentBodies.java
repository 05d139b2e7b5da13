package vn.lienthong.document;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.MessageMdc;
import vn.lienthong.order.HeldBodies;

/**
 * The bodies of held documents: the edXML file stays in the broker, in {@code lienthong.queues.document-held}, as a
 * large message (streamed from and to a spool file, never whole in memory, never in the database), under its tracking
 * id. A retry takes it in a local transaction of its own, kept open while the document is sent: delivered or refused,
 * the transaction removes it; failed again, it puts a fresh copy back in the same transaction (so the broker never
 * counts the attempts against it); a crash rolls it back, where it waits for the next attempt.
 */
@Component
public class HeldDocumentBodies implements HeldBodies {

    private static final Logger log = LoggerFactory.getLogger(HeldDocumentBodies.class);
    private static final long RECEIVE_TIMEOUT_MS = 2000;

    private final ConnectionFactory connectionFactory;
    private final DocumentQueue documents;
    private final DocumentSpool spool;
    private final String queue;

    public HeldDocumentBodies(ConnectionFactory connectionFactory, DocumentQueue documents, DocumentSpool spool,
                              @Value("${lienthong.queues.document-held}") String queue) {
        this.connectionFactory = connectionFactory;
        this.documents = documents;
        this.spool = spool;
        this.queue = queue;
    }

    @Override
    public boolean keeps(Exchange exchange) {
        return exchange.getProperty(Property.DOCUMENT_FILE) != null;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public void put(Exchange exchange) {
        Path file = exchange.getProperty(Property.DOCUMENT_FILE, Path.class);
        documents.send(queue, file, ownHeaders(exchange.getIn().getHeaders()),
                exchange.getIn().getHeader(Header.DOCUMENT_ID, String.class));
    }

    @Override
    public Taken take(String trackingId, Map<String, Object> headers, Exchange exchange) {
        Connection connection = null;
        Session session = null;
        MessageConsumer consumer = null;
        try {
            connection = connectionFactory.createConnection();
            connection.start();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            consumer = session.createConsumer(session.createQueue(queue), selector(trackingId));
            Message held = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (held == null) {
                log.warn("{} is held but its body is not in {} (yet): tried again later", trackingId, queue);
                JmsUtils.closeMessageConsumer(consumer);
                JmsUtils.closeSession(session);
                JmsUtils.closeConnection(connection);
                return null;
            }
            Path file = spool.newFile(".edxml");
            spool.deleteWhenDone(exchange, List.of(file));
            DocumentQueue.copyBody((BytesMessage) held, file);
            org.apache.camel.Message in = exchange.getIn();
            in.removeHeaders("*");
            in.setHeaders(new LinkedHashMap<>(headers));
            in.setBody(file);
            exchange.setProperty(Property.DOCUMENT_FILE, file);
            MessageMdc.put(exchange);
            HeldBody body = new HeldBody(connection, session, consumer, file, headers);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    body.close();
                }
            });
            return body;
        } catch (JMSException | RuntimeException e) {
            JmsUtils.closeMessageConsumer(consumer);
            JmsUtils.closeSession(session);
            JmsUtils.closeConnection(connection);
            throw new IllegalStateException("cannot take the held document " + trackingId + " from " + queue + ": "
                    + e.getMessage(), e);
        }
    }

    private static String selector(String trackingId) {
        return Header.TRACKING_ID + " = '" + trackingId.replace("'", "''") + "'";
    }

    private static Map<String, Object> ownHeaders(Map<String, Object> all) {
        Map<String, Object> headers = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (ExchangeNames.isOwn(name) && (value instanceof String || value instanceof Number
                    || value instanceof Boolean)) {
                headers.put(name, value);
            }
        });
        return headers;
    }

    /** One held document taken for an attempt, in its own local transaction until done, again or closed. */
    private final class HeldBody implements Taken {

        private final Connection connection;
        private final Session session;
        private final MessageConsumer consumer;
        private final Path file;
        private final Map<String, Object> headers;
        private boolean finished;

        HeldBody(Connection connection, Session session, MessageConsumer consumer, Path file,
                 Map<String, Object> headers) {
            this.connection = connection;
            this.session = session;
            this.consumer = consumer;
            this.file = file;
            this.headers = headers;
        }

        @Override
        public void done() {
            finish(() -> {
                // Copies sent again after a crash (HeldBodies.put) go with it.
                while (consumer.receiveNoWait() != null) {
                    log.debug("a second copy of a held document removed with it");
                }
            });
        }

        @Override
        public void again() {
            finish(() -> documents.send(session, queue, file, ownHeaders(headers),
                    (String) headers.get(Header.DOCUMENT_ID)));
        }

        private void finish(JmsStep step) {
            if (finished) {
                return;
            }
            try {
                step.run();
                session.commit();
                finished = true;
            } catch (JMSException e) {
                throw new IllegalStateException("the held document could not be settled in " + queue
                        + " (it stays there for the next attempt): " + e.getMessage(), e);
            } finally {
                close();
            }
        }

        /** Without done or again (a failure on the way): rolled back, the body waits in the queue. */
        void close() {
            // Closing a transacted session rolls back what it did not commit (also when the factory caches sessions).
            JmsUtils.closeMessageConsumer(consumer);
            JmsUtils.closeSession(session);
            JmsUtils.closeConnection(connection);
        }
    }

    @FunctionalInterface
    private interface JmsStep {
        void run() throws JMSException;
    }
}
