package vn.lienthong.document;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;

/**
 * Documents in the broker: the edXML file travels as an Artemis large message, streamed from and to the spool folder
 * in chunks (never whole in memory), persistent, with the gateway's headers as properties and the DocumentId as
 * message group. A send returns once the broker has stored the message.
 */
@Component("documentQueue")
public class DocumentQueue {

    /** Artemis: a BytesMessage body read from this stream while it is sent (large message). */
    private static final String INPUT_STREAM = "JMS_AMQ_InputStream";
    /** Artemis: the body written to this stream, blocking until all of it arrived (large messages stream). */
    private static final String SAVE_STREAM = "JMS_AMQ_SaveStream";

    private final JmsTemplate jms;
    private final DocumentSpool spool;
    private final String toAxis;
    private final String fromAxis;
    private final String deadLetter;

    public DocumentQueue(ConnectionFactory connectionFactory, DocumentSpool spool,
                         @Value("${lienthong.queues.document-to-axis}") String toAxis,
                         @Value("${lienthong.queues.document-from-axis}") String fromAxis,
                         @Value("${lienthong.queues.document-dead-letter}") String deadLetter) {
        this.jms = new JmsTemplate(connectionFactory);
        this.spool = spool;
        this.toAxis = toAxis;
        this.fromAxis = fromAxis;
        this.deadLetter = deadLetter;
    }

    /** Route step: the accepted document (body) into the queue to the axis. */
    public void sendToAxis(Exchange exchange) {
        OutgoingDocument document = exchange.getIn().getBody(OutgoingDocument.class);
        send(toAxis, document.edxml(), lienthongHeaders(exchange.getIn()), document.documentId());
    }

    /** A message fetched from the axis into the queue to the e-office. */
    public void sendFromAxis(Path edxml, Map<String, Object> headers, String group) {
        send(fromAxis, edxml, headers, group);
    }

    /** Parks a document (the file being worked on) with its headers and reason in the document dead-letter queue. */
    public void sendToDeadLetter(Path edxml, Map<String, Object> headers) {
        send(deadLetter, edxml, headers, null);
    }

    public String deadLetterQueue() {
        return deadLetter;
    }

    public String queueOf(String name) {
        return switch (name) {
            case "to-axis" -> toAxis;
            case "from-axis" -> fromAxis;
            default -> throw new IllegalArgumentException("no document queue " + name);
        };
    }

    void send(String queue, Path edxml, Map<String, Object> headers, String group) {
        jms.execute(session -> {
            send(session, queue, edxml, headers, group);
            return null;
        }, true);
    }

    /** Sends in the caller's session (and transaction, if it has one). */
    void send(Session session, String queue, Path edxml, Map<String, Object> headers, String group)
            throws JMSException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(edxml), 64 * 1024);
             MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            BytesMessage message = session.createBytesMessage();
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                if (header.getValue() != null) {
                    message.setObjectProperty(header.getKey(), header.getValue());
                }
            }
            if (group != null) {
                message.setStringProperty(Header.GROUP_ID, group);
            }
            message.setObjectProperty(INPUT_STREAM, in);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + edxml, e);
        }
    }

    /**
     * The body of a document message, streamed to a file. Artemis's {@code JMS_AMQ_SaveStream} writes a large message
     * chunk by chunk as it arrives; {@code readBytes} would first load the whole body into one heap buffer (and a
     * cached consumer would keep it until its next large message).
     */
    static void copyBody(BytesMessage message, Path file) throws JMSException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            message.setObjectProperty(SAVE_STREAM, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a document from the broker", e);
        }
    }

    /**
     * Route step of a consumer with {@code mapJmsMessage=false}: the body (a JMS BytesMessage) to a spool file, deleted
     * when the exchange completes; the gateway's properties become headers.
     */
    public void receive(Exchange exchange) throws JMSException {
        Message in = exchange.getIn();
        BytesMessage message = in.getBody(BytesMessage.class);
        Path file = spool.newFile(".edxml");
        spool.deleteWhenDone(exchange, List.of(file));
        copyBody(message, file);
        exchange.setProperty(Property.DOCUMENT_FILE, file);
        Enumeration<?> names = message.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (ExchangeNames.isOwn(name)) {
                in.setHeader(name, message.getObjectProperty(name));
            }
        }
        in.setHeader("JMSXDeliveryCount", message.getIntProperty("JMSXDeliveryCount"));
        in.setBody(file);
    }

    private static Map<String, Object> lienthongHeaders(Message in) {
        Map<String, Object> headers = new java.util.LinkedHashMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (ExchangeNames.isOwn(name) && (value instanceof String || value instanceof Number
                    || value instanceof Boolean)) {
                headers.put(name, value);
            }
        });
        return headers;
    }
}
