package vn.lienthong.deadletter;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.springframework.jms.core.JmsTemplate;

import vn.lienthong.audit.AuditAction;
import vn.lienthong.audit.AuditTrail;
import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.order.HeldMessageStore;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * The dead letters of a flow whose messages are text (JSON): the dossiers going up to the portal, the national
 * portal's dossiers coming down ({@link TextFlows}). Puts a parked message back on its delivery queue. A replayed message keeps
 * its tracking id and its message group, and messages are replayed in the order they were parked, so a dossier's
 * messages keep their order. A message dead-lettered from the held messages (its dossier's later messages wait
 * behind it) goes back to the head of its dossier's held messages instead, retried with all its attempts; the
 * messages behind it follow once it is delivered.
 */
public class TextDeadLetters implements FlowDeadLetters {

    private static final Pattern TRACKING_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final JmsTemplate jms;
    private final TrackingStore tracking;
    private final HeldMessageStore held;
    private final AuditTrail audit;
    private final String flow;
    private final Set<String> kinds;
    private final String deadLetterQueue;
    private final String deliveryQueue;

    /**
     * @param flow  the flow's name ({@code dossier}, {@code national})
     * @param kinds its message kinds (DOSSIER, PROGRESS, ...)
     */
    public TextDeadLetters(String flow, Set<String> kinds, ConnectionFactory connectionFactory, TrackingStore tracking,
                           HeldMessageStore held, AuditTrail audit, String deadLetterQueue, String deliveryQueue) {
        this.flow = flow;
        this.kinds = Set.copyOf(kinds);
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
        return flow;
    }

    @Override
    public String queue() {
        return deadLetterQueue;
    }

    @Override
    public boolean carries(String kind) {
        return kinds.contains(kind);
    }

    @Override
    public String keyHeader() {
        return Header.MA_HO_SO;
    }

    /**
     * {@code MaHoSo}, and {@code heldBehind}: its dossier's messages waiting behind it (sent once it is delivered); for
     * a message from the national portal also {@code entryId} (the portal's) and {@code eventType}.
     */
    @Override
    public Map<String, Object> details(String trackingId, Map<String, Object> properties) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("MaHoSo", properties.get(Header.MA_HO_SO));
        details.put("heldBehind", trackingId == null ? 0 : held.waitingBehind(trackingId));
        if (properties.get(Header.ENTRY_ID) != null) {
            details.put("entryId", properties.get(Header.ENTRY_ID));
        }
        if (properties.get(Header.EVENT_TYPE) != null) {
            details.put("eventType", properties.get(Header.EVENT_TYPE));
        }
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

    /**
     * Takes one parked message out of the dead-letter queue for good, once {@code before} succeeded (e.g. the sender
     * was told it is refused), in one local transaction; audited as {@code action}. False when it is not parked here.
     */
    public boolean remove(String id, String operator, AuditAction action, String detail, Runnable before) {
        if (!TRACKING_ID.matcher(id).matches()) {
            return false;
        }
        return Boolean.TRUE.equals(jms.execute(session -> {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(deadLetterQueue),
                    selector(id))) {
                if (consumer.receive(1000) == null) {
                    return false;
                }
                before.run();
                audit.operatorAction(operator, action, id, detail);
                session.commit();
                return true;
            }
        }, true));
    }
}
