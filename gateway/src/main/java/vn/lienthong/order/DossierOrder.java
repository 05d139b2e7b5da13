package vn.lienthong.order;

import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.tracking.TrackingState;

/**
 * The check before a consumer sends a message: every earlier message of its dossier must be final. The broker's
 * message groups keep a dossier's messages in order nearly always, but not when an instance dies with a backlog (the
 * survivor may get a later message before the dead consumer's unacknowledged ones come back), and a message set aside
 * has left the queue: then this message is held behind them instead of overtaking them.
 *
 * <p>One indexed query per delivery: its own state, the dossier's earlier messages still on their way (accepted,
 * being delivered or retried elsewhere), and the dossier's held messages up to its own place.
 */
@Component("dossierOrder")
public class DossierOrder {

    /** States of an earlier message that is still on its way: a later one must not go before it. */
    static final String ON_ITS_WAY = "'ACCEPTED', 'DELIVERING', 'RETRYING'";
    /** States after which the broker giving the message again must not send it again (the outcome is recorded). */
    private static final Set<String> RECORDED = Set.of(TrackingState.DELIVERED.name(),
            TrackingState.REJECTED_BY_PORTAL.name(), TrackingState.HELD.name());

    private final JdbcTemplate jdbc;

    public DossierOrder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public enum Decision {

        /** Every earlier message of the dossier is final: send it. */
        SEND,
        /** An earlier message is held or still on its way: hold this one behind it. */
        HOLD,
        /** Taken from the queue again after its outcome was recorded (a crash before the acknowledgement): skip. */
        DONE
    }

    public void check(Exchange exchange) {
        Message in = exchange.getIn();
        String maHoSo = in.getHeader(Header.MA_HO_SO, String.class);
        Long sequence = in.getHeader(Header.SEQUENCE, Long.class);
        if (maHoSo == null || sequence == null) {
            // Accepted before messages had a place in their dossier: the broker's order is all there is.
            exchange.setProperty(Property.ORDER_DECISION, Decision.SEND);
            return;
        }
        exchange.setProperty(Property.ORDER_DECISION, jdbc.queryForObject("""
                select
                  (select state from tracked_message where tracking_id = ?),
                  (select count(*) from tracked_message where ma_ho_so = ? and dossier_seq < ? and state in (%s)),
                  (select count(*) from held_message where ma_ho_so = ? and dossier_seq <= ?)""".formatted(ON_ITS_WAY),
                (rs, row) -> {
                    String own = rs.getString(1);
                    if (own != null && RECORDED.contains(own)) {
                        return Decision.DONE;
                    }
                    return rs.getLong(2) > 0 || rs.getLong(3) > 0 ? Decision.HOLD : Decision.SEND;
                },
                in.getHeader(Header.TRACKING_ID, String.class), maHoSo, sequence, maHoSo, sequence));
    }

    /** The dossier's earliest message before this place that is still on its way, as "trackingId (STATE)". */
    String earliestOnItsWay(String maHoSo, long sequence) {
        return jdbc.query("""
                select tracking_id, state from tracked_message where ma_ho_so = ? and dossier_seq < ? and state in (%s)
                order by dossier_seq fetch first 1 rows only""".formatted(ON_ITS_WAY),
                (rs, row) -> rs.getString(1) + " (" + rs.getString(2) + ")", maHoSo, sequence)
                .stream().findFirst().orElse(null);
    }
}
