package vn.lienthong.document;

import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.camel.Exchange;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.audit.AuditAction;
import vn.lienthong.audit.AuditTrail;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.deadletter.DeadLetters;
import vn.lienthong.deadletter.FlowDeadLetters;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.delivery.DestinationRejectedException;
import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * Documents that cannot go on, kept with their reason in {@code lienthong.queues.document-dead-letter} (the edXML
 * file as it was queued, never lost): DEAD_LETTERED when delivery kept failing, QUARANTINED when a received document
 * cannot be processed (the axis is then told "fail" with the reason). Operators list them with every flow's dead
 * letters and replay one ({@link vn.lienthong.deadletter.DeadLetterOperations}): it goes back to the queue it came
 * from, under the same tracking id.
 */
@Component("documentDeadLetters")
public class DocumentDeadLetters implements FlowDeadLetters {

    private static final Pattern TRACKING_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final DeadLetters deadLetters;
    private final DocumentQueue queue;
    private final TrackingStore tracking;
    private final AxisInbox inbox;
    private final DocumentSpool spool;
    private final JmsTemplate jms;
    private final AuditTrail audit;

    public DocumentDeadLetters(DeadLetters deadLetters, DocumentQueue queue, TrackingStore tracking, AxisInbox inbox,
                               DocumentSpool spool, ConnectionFactory connectionFactory, AuditTrail audit) {
        this.audit = audit;
        this.deadLetters = deadLetters;
        this.queue = queue;
        this.tracking = tracking;
        this.inbox = inbox;
        this.spool = spool;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    /** Delivery failed for good (retries exhausted or an unexpected error): parked with the reason. */
    public void park(Exchange exchange) {
        deadLetters.park(exchange);
        store(exchange, exchange.getIn().getHeader(Header.DEAD_LETTER_REASON, String.class));
    }

    /**
     * A received document that cannot be processed: quarantined, and the axis hears "fail" with the reason. When the
     * e-office refused it, its trail keeps the e-office's reply (its HTTP status and answer).
     */
    public void quarantine(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown problem" : cause.getMessage();
        String trackingId = DeliveryTrail.trackingId(exchange);
        DestinationRejectedException refusal = DeliveryTrail.rejection(exchange);
        if (refusal == null) {
            tracking.transition(trackingId, DeliveryTrail.takeStart(exchange), TrackingState.QUARANTINED, reason);
        } else {
            tracking.replied(trackingId, DeliveryTrail.takeStart(exchange), TrackingState.QUARANTINED,
                    refusal.reply(), reason);
        }
        store(exchange, reason);
        String axisDocId = exchange.getIn().getHeader(Header.AXIS_DOC_ID, String.class);
        if (axisDocId != null) {
            inbox.acknowledgeFail(axisDocId, exchange.getIn().getHeader(Header.TO_ORGAN_ID, String.class),
                    reason);
        }
    }

    private void store(Exchange exchange, String reason) {
        Map<String, Object> headers = new LinkedHashMap<>();
        exchange.getIn().getHeaders().forEach((name, value) -> {
            if (ExchangeNames.isOwn(name) && (value instanceof String || value instanceof Number)) {
                headers.put(name, value);
            }
        });
        headers.put(Header.DEAD_LETTER_REASON, reason);
        // Where it was on its way to: its queue-delivery's destination (also when the held messages' retrier sent it).
        boolean fromAxis = "eoffice".equals(exchange.getProperty(Property.DESTINATION, String.class));
        headers.put(Header.ORIGIN_QUEUE, fromAxis ? queue.queueOf("from-axis") : queue.queueOf("to-axis"));
        Path file = exchange.getProperty(Property.DOCUMENT_FILE, Path.class);
        if (file == null) {
            // It could not even be read from the broker: it stays there (rollback), and after
            // lienthong.broker.max-delivery-attempts the broker moves it to the document dead-letter queue itself.
            throw new IllegalStateException("the document could not be read from the broker, so it stays there: "
                    + reason);
        }
        queue.sendToDeadLetter(file, headers);
    }

    @Override
    public String flow() {
        return "document";
    }

    @Override
    public String queue() {
        return queue.deadLetterQueue();
    }

    @Override
    public boolean carries(String kind) {
        return MessageKind.DOCUMENT.name().equals(kind) || MessageKind.DOCUMENT_STATUS.name().equals(kind);
    }

    @Override
    public String keyHeader() {
        return Header.DOCUMENT_ID;
    }

    /** {@code documentId}, {@code axisDocId} (a document received from the axis) and {@code originQueue}. */
    @Override
    public Map<String, Object> details(String trackingId, Map<String, Object> properties) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentId", properties.get(Header.DOCUMENT_ID));
        details.put("axisDocId", properties.get(Header.AXIS_DOC_ID));
        details.put("originQueue", origin(properties.get(Header.ORIGIN_QUEUE),
                properties.get(Header.BROKER_ORIGIN_QUEUE)));
        return details;
    }

    /**
     * Puts a parked document back on the queue it came from (a replay); false when it is not parked. Taken from the
     * dead-letter queue and sent again in one local transaction, through a spool file (documents are large messages).
     */
    @Override
    public boolean replay(String id, String operator) {
        if (id == null || !TRACKING_ID.matcher(id).matches()) {
            return false;
        }
        return Boolean.TRUE.equals(jms.execute(session -> move(session, id, operator), true));
    }

    private boolean move(Session session, String id, String operator) throws JMSException {
        Path file = spool.newFile(".edxml");
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue.deadLetterQueue()),
                Header.TRACKING_ID + " = '" + id + "'")) {
            Message parked = consumer.receive(1000);
            if (parked == null) {
                return false;
            }
            audit.operatorAction(operator, AuditAction.REPLAY, id, "from " + queue.deadLetterQueue());
            DocumentQueue.copyBody((BytesMessage) parked, file);
            Map<String, Object> headers = new LinkedHashMap<>();
            for (Enumeration<?> names = parked.getPropertyNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                if (ExchangeNames.isOwn(name) && !name.equals(Header.DEAD_LETTER_REASON)
                        && !name.equals(Header.ORIGIN_QUEUE)) {
                    headers.put(name, parked.getObjectProperty(name));
                }
            }
            String documentId = parked.getStringProperty(Header.DOCUMENT_ID);
            String origin = origin(parked.getStringProperty(Header.ORIGIN_QUEUE),
                    parked.getStringProperty(Header.BROKER_ORIGIN_QUEUE));
            queue.send(session, origin, file, headers, documentId != null ? documentId : id);
            tracking.transition(id, TrackingState.ACCEPTED, "replayed from the document dead-letter queue by "
                    + operator);
            session.commit();
            return true;
        } finally {
            DocumentSpool.delete(file);
        }
    }

    /** Where a parked document goes back to: where the gateway parked it from, else where the broker moved it from. */
    private static String origin(Object parkedFrom, Object brokerMovedFrom) {
        Object origin = parkedFrom != null ? parkedFrom : brokerMovedFrom;
        return origin == null ? null : origin.toString();
    }
}
