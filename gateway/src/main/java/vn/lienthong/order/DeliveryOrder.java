package vn.lienthong.order;

import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.contract.MessageKind;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.Flow;
import vn.lienthong.tracking.TrackingState;

/**
 * The check before a consumer sends a message: every earlier message of its ordering key (the exchange properties
 * {@link Property#DESTINATION} and {@link Property#ORDER_KEY}, set by routes/templates.yaml queue-delivery) must be
 * final. The broker's message groups keep a key's messages in order nearly always, but not when an instance dies with a
 * backlog (the survivor may get a later message before the dead consumer's unacknowledged ones come back), and a
 * message set aside has left the queue: then this message is held behind them instead of overtaking them.
 *
 * <p>Dossiers have a place in their dossier (given at acceptance): one indexed query per delivery reads the message's
 * own state, the dossier's earlier messages still on their way (accepted, being delivered or retried elsewhere) and its
 * held messages up to its own place. Documents have none: a document waits behind the held messages of its DocumentId.
 */
@Component("deliveryOrder")
public class DeliveryOrder {

    /** States of an earlier message that is still on its way: a later one must not go before it. */
    static final String ON_ITS_WAY = "'ACCEPTED', 'DELIVERING', 'RETRYING'";
    /** States after which the broker giving the message again must not send it again (the outcome is recorded). */
    private static final Set<String> RECORDED = Set.of(TrackingState.DELIVERED.name(),
            TrackingState.REJECTED_BY_PORTAL.name(), TrackingState.REJECTED_BY_AXIS.name(),
            TrackingState.QUARANTINED.name(), TrackingState.REFUSED.name());

    private final JdbcTemplate jdbc;
    private final HeldMessageStore held;

    public DeliveryOrder(JdbcTemplate jdbc, HeldMessageStore held) {
        this.jdbc = jdbc;
        this.held = held;
    }

    public enum Decision {

        /** Every earlier message of the key is final: send it. */
        SEND,
        /**
         * An earlier message is held or still on its way: hold this one behind it. Also a message already held (the
         * broker gave it again after a crash between holding it and acknowledging it): holding it again stores nothing
         * twice, and keeps its body where the held messages keep it.
         */
        HOLD,
        /** Taken from the queue again after its outcome was recorded (a crash before the acknowledgement): skip. */
        DONE
    }

    public void check(Exchange exchange) {
        Message in = exchange.getIn();
        String destination = exchange.getProperty(Property.DESTINATION, String.class);
        String key = exchange.getProperty(Property.ORDER_KEY, String.class);
        String trackingId = in.getHeader(Header.TRACKING_ID, String.class);
        Long sequence = in.getHeader(Header.SEQUENCE, Long.class);
        Decision decision;
        if (key == null || key.isEmpty()) {
            // Accepted before messages had an ordering key: the broker's order is all there is.
            decision = Decision.SEND;
        } else if (sequence == null) {
            String own = jdbc.query("select state from tracked_message where tracking_id = ?",
                    (rs, row) -> rs.getString(1), trackingId).stream().findFirst().orElse(null);
            decision = ownDecision(own);
            if (decision == null) {
                decision = held.holds(destination, key) ? Decision.HOLD : Decision.SEND;
            }
        } else {
            decision = jdbc.queryForObject("""
                    select
                      (select state from tracked_message where tracking_id = ?),
                      (select count(*) from tracked_message
                       where ma_ho_so = ? and dossier_seq < ? and state in (%s) and kind in (%s)),
                      (select count(*) from held_message where destination = ? and order_key = ? and seq <= ?)"""
                            .formatted(ON_ITS_WAY, flowKinds(in.getHeader(Header.KIND, String.class))),
                    (rs, row) -> {
                        Decision own = ownDecision(rs.getString(1));
                        if (own != null) {
                            return own;
                        }
                        return rs.getLong(2) > 0 || rs.getLong(3) > 0 ? Decision.HOLD : Decision.SEND;
                    },
                    trackingId, key, sequence, destination, key, sequence);
        }
        exchange.setProperty(Property.ORDER_DECISION, decision);
    }

    private static Decision ownDecision(String state) {
        if (state == null) {
            return null;
        }
        if (RECORDED.contains(state)) {
            return Decision.DONE;
        }
        return TrackingState.HELD.name().equals(state) ? Decision.HOLD : null;
    }

    /**
     * The kinds of the message's flow, for the query: a dossier's messages going up never wait behind the ones coming
     * down from the national portal, nor the other way round (they share the dossier's places).
     */
    private static String flowKinds(String kind) {
        return Flow.of(kind == null ? MessageKind.DOSSIER : MessageKind.valueOf(kind)).sqlKinds();
    }

    /**
     * The dossier's earliest message of the same flow as {@code kind} before this place that is still on its way, as
     * "trackingId (STATE)".
     */
    String earliestOnItsWay(String maHoSo, long sequence, String kind) {
        return jdbc.query("""
                select tracking_id, state from tracked_message where ma_ho_so = ? and dossier_seq < ? and state in (%s)
                  and kind in (%s)
                order by dossier_seq fetch first 1 rows only""".formatted(ON_ITS_WAY, flowKinds(kind)),
                (rs, row) -> rs.getString(1) + " (" + rs.getString(2) + ")", maHoSo, sequence)
                .stream().findFirst().orElse(null);
    }
}
