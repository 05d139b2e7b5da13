package vn.lienthong.national;

import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.audit.AuditAction;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.deadletter.DeadLetter;
import vn.lienthong.deadletter.DeadLetterFilter;
import vn.lienthong.deadletter.DeadLetterOperations;
import vn.lienthong.deadletter.TextDeadLetters;
import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressRefusedException;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * {@code POST /api/v1/national/dossiers/{MaHoSo}/refusal} {@code {"reason": "..."}} (operators): a quarantined dossier of
 * the national portal refused back to it, so that nothing stays in limbo. The portal is told it is not accepted
 * (DongBoTrangThaiHoSo, TrangThaiHoSo 3, the reason, the tracking id as the province's id) and received; then the
 * dossier leaves the dead-letter queue and its trail says REFUSED, with the operator, in the audit chain too.
 */
@Component("nationalRefusals")
public class NationalRefusals {

    private static final int MAX_REASON = 2000;

    private final DeadLetterOperations deadLetters;
    private final TextDeadLetters national;
    private final NationalPortal portal;
    private final TrackingStore tracking;
    private final ObjectMapper json;

    public NationalRefusals(DeadLetterOperations deadLetters,
                            @Qualifier("nationalDeadLetters") TextDeadLetters national, NationalPortal portal,
                            TrackingStore tracking, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.national = national;
        this.portal = portal;
        this.tracking = tracking;
        this.json = json;
    }

    public void refuse(Exchange exchange) throws Exception {
        String maHoSo = exchange.getIn().getHeader("MaHoSo", String.class);
        byte[] raw = exchange.getIn().getBody(byte[].class);
        JsonNode body = raw == null || raw.length == 0 ? json.createObjectNode() : readBody(raw);
        String reason = body.path("reason").asText("").strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new IngressRefusedException(400, "/reason", "the reason the citizen will read is required, at most "
                    + MAX_REASON + " characters");
        }
        List<DeadLetter> parked = deadLetters.list(new DeadLetterFilter("national",
                MessageKind.NATIONAL_DOSSIER.name(), maHoSo, null), 10);
        DeadLetter dossier = parked.stream().findFirst().orElseThrow(() -> new IngressRefusedException(404, "",
                "no quarantined or parked dossier " + maHoSo + " of the national portal"));
        String operator = ClientGate.client(exchange).id();
        String entryId = dossier.details().get("entryId") == null ? maHoSo : String.valueOf(dossier.details().get("entryId"));
        boolean removed = national.remove(dossier.id(), operator, AuditAction.REFUSE, reason, () -> {
            portal.notAccepted(maHoSo, dossier.id(), reason);
            portal.received(entryId);
            tracking.transition(dossier.id(), TrackingState.REFUSED, "refused back to the national portal by "
                    + operator + ": " + reason);
        });
        if (!removed) {
            throw new IngressRefusedException(409, "", "the dossier " + maHoSo + " left the dead-letter queue meanwhile");
        }
        ObjectNode answer = json.createObjectNode().put("trackingId", dossier.id()).put("MaHoSo", maHoSo)
                .put("state", TrackingState.REFUSED.name());
        exchange.getIn().removeHeader(Header.TRACKING_ID);
        exchange.getIn().setBody(answer);
    }

    private JsonNode readBody(byte[] raw) {
        try {
            return json.readTree(raw);
        } catch (java.io.IOException e) {
            throw new IngressRefusedException(400, "", "the body must be JSON: {\"reason\": \"...\"}");
        }
    }
}
