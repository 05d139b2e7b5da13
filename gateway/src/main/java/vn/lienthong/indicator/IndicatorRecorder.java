package vn.lienthong.indicator;

import java.time.OffsetDateTime;
import java.util.Collection;

import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.ingress.AcceptanceHook;
import vn.lienthong.message.ExchangeNames.Header;

/**
 * Keeps {@code indicator_dossier} (one row per MaHoSo) up to date with what the gateway carries: a dossier's latest
 * values as each message about it is accepted (in the transaction that opens its trail: they exist exactly when the
 * message does), its progress items, the citizen's rating, and when the portal accepted it and its progress. Each
 * change marks the row for {@link IndicatorFold}, which brings the aggregates up to date. One statement per message:
 * the delivery path pays for the indicators no more than that (docs/benchmark.md, the indicators phase).
 */
@Component
public class IndicatorRecorder implements AcceptanceHook {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final boolean enabled;

    public IndicatorRecorder(JdbcTemplate jdbc, ObjectMapper json, IndicatorProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.enabled = properties.enabled();
    }

    @Override
    public void accepted(Exchange exchange, String trackingId, String kind, String maHoSo, Object body) {
        if (!enabled || maHoSo == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        switch (kind) {
            case "DOSSIER" -> values(maHoSo, DossierValues.of(body, json), false, now);
            case "NATIONAL_DOSSIER" -> values(maHoSo, DossierValues.of(body, json), true, now);
            case "PROGRESS" -> change(maHoSo, "progress_received = progress_received + ?", now, items(body));
            case "NATIONAL_EVENT" -> {
                if ("rating".equals(exchange.getIn().getHeader(Header.EVENT_TYPE, String.class))) {
                    DossierValues.Rating rating = DossierValues.Rating.of(body, json);
                    change(maHoSo, "rating = coalesce(?, rating), complaint = (complaint or ?)", now, rating.mark(),
                            rating.complaint());
                }
            }
            default -> {
                // documents and statuses count in the documents' own figures
            }
        }
    }

    /** The portal accepted the dossier from this gateway (its first acceptance is its sync time). */
    public void synced(String maHoSo) {
        if (enabled) {
            OffsetDateTime now = OffsetDateTime.now();
            afterDelivery(() -> change(maHoSo, "synced_at = coalesce(synced_at, ?)", now, now));
        }
    }

    /** The portal accepted {@code items} progress items of the dossier. */
    public void progressSynced(String maHoSo, int items) {
        if (enabled) {
            afterDelivery(() -> change(maHoSo, "progress_synced = progress_synced + ?", OffsetDateTime.now(), items));
        }
    }

    /**
     * The values of the message accepted now, unless a message accepted later already gave newer ones (two
     * consumers, two clients): its acceptance time orders them. Two first messages of a dossier at once are
     * serialised by its sequence row; a message of another flow racing it makes the insert collide, and the
     * registration is tried again (vn.lienthong.tracking.TrackingStore#register).
     */
    private void values(String maHoSo, DossierValues values, boolean fromPortal, OffsetDateTime now) {
        String text = write(values);
        int updated = jdbc.update("""
                update indicator_dossier set
                  dossier_values = case when values_at is null or values_at <= ? then ? else dossier_values end,
                  values_at = case when values_at is null or values_at <= ? then ? else values_at end,
                  from_portal = (from_portal or ?), version = version + 1, dirty = true
                where ma_ho_so = ?""", now, text, now, now, fromPortal, maHoSo);
        if (updated == 0) {
            jdbc.update("""
                    insert into indicator_dossier (ma_ho_so, dossier_values, values_at, first_accepted_at, from_portal)
                    values (?, ?, ?, ?, ?)""", maHoSo, text, now, now, fromPortal);
        }
    }

    /**
     * One change of the row ({@code set} with its arguments), the row created first for a dossier it has not seen
     * (its dossier accepted while the indicators were off, or before they existed).
     */
    private void change(String maHoSo, String set, OffsetDateTime now, Object... arguments) {
        Object[] all = new Object[arguments.length + 1];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = maHoSo;
        String update = "update indicator_dossier set " + set + ", version = version + 1, dirty = true"
                + " where ma_ho_so = ?";
        if (jdbc.update(update, all) == 0) {
            jdbc.update("insert into indicator_dossier (ma_ho_so, first_accepted_at) values (?, ?)", maHoSo, now);
            jdbc.update(update, all);
        }
    }

    /** A change after a delivery (its own statements, no transaction around them): a colliding insert is tried again. */
    private static void afterDelivery(Runnable change) {
        try {
            change.run();
        } catch (DuplicateKeyException raced) {
            change.run();
        }
    }

    private static int items(Object body) {
        if (body instanceof JsonNode node) {
            return node.isArray() ? node.size() : 1;
        }
        return body instanceof Collection<?> list ? list.size() : 1;
    }

    private String write(DossierValues values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the indicator values always serialise", e);
        }
    }
}
