package vn.lienthong.deadletter;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.audit.AuditAction;
import vn.lienthong.audit.AuditTrail;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.order.HeldMessageStore;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * The dossier flow's dead letters: puts a parked dossier message back on its delivery queue. A replayed message keeps
 * its tracking id and its message group, and messages are replayed in the order they were parked, so a dossier's
 * messages keep their order. A message dead-lettered from the held messages (its dossier's later messages wait
 * behind it) goes back to the head of its dossier's held messages instead, retried with all its attempts; the
 * messages behind it follow once it is delivered.
 */
@Component
public class DossierDeadLetters implements FlowDeadLetters {

    private static final Pattern TRACKING_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final JmsTemplate jms;
    private final TrackingStore tracking;
    private final HeldMessageStore held;
    private final AuditTrail audit;
    private final String deadLetterQueue;
    private final String deliveryQueue;

    public DossierDeadLetters(ConnectionFactory connectionFactory, TrackingStore tracking, HeldMessageStore held,
                           AuditTrail audit,
                           @Value("${lienthong.queues.dossier-dead-letter}") String deadLetterQueue,
                           @Value("${lienthong.queues.dossier-to-portal}") String deliveryQueue) {
        this.audit = audit;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.tracking = tracking;
        this.held = held;
        this.deadLetterQueue = deadLetterQueue;
        this.deliveryQueue = deliveryQueue;
    }

    @Override
    public String flow() {
        return "dossier";
    }

    @Override
    public String queue() {
        return deadLetterQueue;
    }

    @Override
    public boolean carries(String kind) {
        return MessageKind.DOSSIER.name().equals(kind) || MessageKind.PROGRESS.name().equals(kind);
    }

    @Override
    public String keyHeader() {
        return Header.MA_HO_SO;
    }

    /** {@code MaHoSo}, and {@code heldBehind}: its dossier's messages waiting behind it (sent once it is delivered). */
    @Override
    public Map<String, Object> details(String trackingId, Map<String, Object> properties) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("MaHoSo", properties.get(Header.MA_HO_SO));
        details.put("heldBehind", trackingId == null ? 0 : held.waitingBehind(trackingId));
        return details;
    }

    /** Moves one parked message back to its delivery queue; false when it is not (or no longer) parked. */
    @Override
    public boolean replay(String id, String operator) {
        if (!TRACKING_ID.matcher(id).matches()) {
            return false;
        }
        Boolean moved = jms.execute(session -> move(session, id, operator), true);
        return Boolean.TRUE.equals(moved);
    }

    /** Receive and re-send in one local transaction: the message is never in both queues, nor in neither. */
    private boolean move(Session session, String id, String operator) throws JMSException {
        Queue from = session.createQueue(deadLetterQueue);
        Queue to = session.createQueue(deliveryQueue);
        try (MessageConsumer consumer = session.createConsumer(from, selector(id));
             MessageProducer producer = session.createProducer(to)) {
            Message parked = consumer.receive(1000);
            if (parked == null) {
                return false;
            }
            audit.operatorAction(operator, AuditAction.REPLAY, id, "from " + deadLetterQueue);
            if (held.unpark(id, tracking.clock())) {
                tracking.transition(id, TrackingState.HELD, "replayed from the dead-letter queue by " + operator
                        + ": retried first of its dossier's held messages");
                session.commit();
                return true;
            }
            TextMessage copy = session.createTextMessage(((TextMessage) parked).getText());
            for (Enumeration<?> names = parked.getPropertyNames(); names.hasMoreElements(); ) {
                String name = (String) names.nextElement();
                if (ExchangeNames.isOwn(name) && !name.equals(Header.DEAD_LETTER_REASON)) {
                    copy.setObjectProperty(name, parked.getObjectProperty(name));
                }
            }
            copy.setStringProperty(Header.GROUP_ID, parked.getStringProperty(Header.MA_HO_SO));
            producer.send(copy);
            tracking.transition(id, TrackingState.ACCEPTED, "replayed from the dead-letter queue by " + operator);
            session.commit();
            return true;
        }
    }

    private static String selector(String id) {
        return Header.TRACKING_ID + " = '" + id + "'";
    }
}
