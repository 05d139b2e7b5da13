package vn.lienthong.portal;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.delivery.DeliveryStopping;
import vn.lienthong.delivery.DestinationCircuit;
import vn.lienthong.delivery.DestinationCircuits;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.indicator.IndicatorRecorder;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.tracking.TrackingStore;

/**
 * The delivery steps for the national portal, called by {@code routes/dossier-delivery.yaml} with the envelope the
 * portal mapping produced (everything but the session and isUpdating).
 */
@Component("portalDelivery")
public class PortalDelivery {

    private final PortalClient portal;
    private final PortalBatches batches;
    private final DestinationCircuit circuit;
    private final PortalDossiers dossiers;
    private final TrackingStore tracking;
    private final IndicatorRecorder indicators;
    private final ObjectMapper json;

    public PortalDelivery(PortalClient portal, PortalBatches batches, DestinationCircuits circuits, PortalDossiers dossiers,
                          TrackingStore tracking, IndicatorRecorder indicators, ObjectMapper json) {
        this.portal = portal;
        this.batches = batches;
        this.circuit = circuits.of("portal");
        this.dossiers = dossiers;
        this.tracking = tracking;
        this.indicators = indicators;
        this.json = json;
    }

    /** DongBoHoSoMC: isUpdating False the first time, True once the portal has the dossier. */
    public void syncDossier(Exchange exchange) {
        String maHoSo = exchange.getIn().getHeader(Header.MA_HO_SO, String.class);
        ObjectNode envelope = json.valueToTree(exchange.getIn().getBody());
        boolean known = dossiers.isKnown(maHoSo);
        envelope.put("isUpdating", known ? "True" : "False");
        PortalReply reply = batches.post(envelope, alone -> call(exchange, maHoSo, alone));
        if (!known && !portal.isSuccess(reply) && portal.isAlreadyExists(reply)) {
            envelope.put("isUpdating", "True");
            reply = call(exchange, maHoSo, envelope);
            exchange.setProperty(Property.DETAIL, "the portal already had it: sent again as an update");
        }
        requireSuccess(reply);
        dossiers.accepted(maHoSo, envelope.path("madonvi").asText());
        indicators.synced(maHoSo);
        exchange.setProperty(Property.REPLY, reply.accepted());
    }

    /** Progress goes out only for a dossier the portal accepted (or one the gateway never saw: the portal decides). */
    public void requireDossierAccepted(Exchange exchange) {
        String maHoSo = exchange.getIn().getHeader(Header.MA_HO_SO, String.class);
        if (!dossiers.isKnown(maHoSo) && tracking.unitOfDossier(maHoSo).isPresent()) {
            throw new DossierNotAcceptedException(maHoSo);
        }
    }

    /** CapNhatTienDoHoSoMC. */
    public void syncProgress(Exchange exchange) {
        String maHoSo = exchange.getIn().getHeader(Header.MA_HO_SO, String.class);
        ObjectNode envelope = json.valueToTree(exchange.getIn().getBody());
        PortalReply reply = batches.post(envelope, alone -> call(exchange, maHoSo, alone));
        requireSuccess(reply);
        indicators.progressSynced(maHoSo, Math.max(1, envelope.path("data").size()));
        exchange.setProperty(Property.REPLY, reply.accepted());
    }

    /**
     * One call, when the circuit lets it go (it waits while the portal is down), its outcome told to the circuit. A
     * call carrying several consumers' messages ({@link PortalBatches}) counts for the dossier of the one sending it.
     */
    private PortalReply call(Exchange exchange, String maHoSo, ObjectNode envelope) {
        return circuit.call(maHoSo, () -> DeliveryStopping.isStopping(exchange), () -> portal.call(envelope));
    }

    private void requireSuccess(PortalReply reply) {
        if (!portal.isSuccess(reply)) {
            throw new PortalRejectedException(reply.errorCode(), reply.message());
        }
    }
}
