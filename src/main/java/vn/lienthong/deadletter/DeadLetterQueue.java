package vn.lienthong.deadletter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
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
import vn.lienthong.delivery.MessageHeaders;
import vn.lienthong.order.HeldMessageStore;
import vn.lienthong.tracking.TrackedMessage;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * Reads the dead-letter queue and puts messages back on their delivery queue. A replayed message keeps its
 * tracking id and its message group, and messages are replayed in the order they were parked, so a dossier's
 * messages keep their order. A message dead-lettered from the held messages (its dossier's later messages wait
 * behind it) goes back to the head of its dossier's held messages instead, retried with all its attempts; the
 * messages behind it follow once it is delivered.
 */
@Component
public class DeadLetterQueue {

    private static final Pattern TRACKING_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final JmsTemplate jms;
    private final TrackingStore tracking;
    private final HeldMessageStore held;
    private final AuditTrail audit;
    private final String deadLetterQueue;
    private final String deliveryQueue;

    public DeadLetterQueue(ConnectionFactory connectionFactory, TrackingStore tracking, HeldMessageStore held,
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

    /** Parked messages matching the filter, oldest first, at most {@code limit}. */
    public List<DeadLetter> list(DeadLetterFilter filter, int limit) {
        return jms.browse(deadLetterQueue, (session, browser) -> {
            List<DeadLetter> found = new ArrayList<>();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && found.size() < limit) {
                Message message = (Message) messages.nextElement();
                String kind = message.getStringProperty(MessageHeaders.KIND);
                String maHoSo = message.getStringProperty(MessageHeaders.MA_HO_SO);
                String reason = message.getStringProperty(MessageHeaders.DEAD_LETTER_REASON);
                if (filter.matches(kind, maHoSo, reason)) {
                    found.add(describe(message.getStringProperty(MessageHeaders.TRACKING_ID), kind, maHoSo, reason));
                }
            }
            return found;
        });
    }

    public Optional<DeadLetter> find(String id) {
        if (!TRACKING_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return jms.browseSelected(deadLetterQueue, selector(id), (session, browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            if (!messages.hasMoreElements()) {
                return Optional.<DeadLetter>empty();
            }
            Message message = (Message) messages.nextElement();
            return Optional.of(describe(id, message.getStringProperty(MessageHeaders.KIND),
                    message.getStringProperty(MessageHeaders.MA_HO_SO),
                    message.getStringProperty(MessageHeaders.DEAD_LETTER_REASON)));
        });
    }

    /** Moves one parked message back to its delivery queue; false when it is not (or no longer) parked. */
    public boolean replay(String id, String operator) {
        if (!TRACKING_ID.matcher(id).matches()) {
            return false;
        }
        Boolean moved = jms.execute(session -> move(session, id, operator), true);
        return Boolean.TRUE.equals(moved);
    }

    /** Replays every parked message matching the filter, in the order they were parked. */
    public List<String> replayAll(DeadLetterFilter filter, String operator) {
        List<String> replayed = new ArrayList<>();
        for (DeadLetter letter : list(filter, Integer.MAX_VALUE)) {
            if (replay(letter.id(), operator)) {
                replayed.add(letter.id());
            }
        }
        return Collections.unmodifiableList(replayed);
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
                if (name.startsWith("Lienthong") && !name.equals(MessageHeaders.DEAD_LETTER_REASON)) {
                    copy.setObjectProperty(name, parked.getObjectProperty(name));
                }
            }
            copy.setStringProperty(MessageHeaders.GROUP_ID, parked.getStringProperty(MessageHeaders.MA_HO_SO));
            producer.send(copy);
            tracking.transition(id, TrackingState.ACCEPTED, "replayed from the dead-letter queue by " + operator);
            session.commit();
            return true;
        }
    }

    private DeadLetter describe(String id, String kind, String maHoSo, String reason) {
        Optional<TrackedMessage> message = id == null ? Optional.empty() : tracking.find(id);
        int attempts = message.map(TrackedMessage::attempts).orElse(0);
        OffsetDateTime firstFailure = message.flatMap(m -> m.history().stream()
                .filter(e -> e.state() == TrackingState.RETRYING || e.state() == TrackingState.DEAD_LETTERED)
                .map(TrackedMessage.Event::at).findFirst()).orElse(null);
        OffsetDateTime lastFailure = message.flatMap(m -> m.history().stream()
                .filter(e -> e.state() == TrackingState.DEAD_LETTERED)
                .map(TrackedMessage.Event::at).reduce((a, b) -> b)).orElse(null);
        return new DeadLetter(id, deadLetterQueue, kind, maHoSo, reason, attempts, firstFailure, lastFailure,
                id == null ? 0 : held.waitingBehind(id));
    }

    private static String selector(String id) {
        return MessageHeaders.TRACKING_ID + " = '" + id + "'";
    }
}
