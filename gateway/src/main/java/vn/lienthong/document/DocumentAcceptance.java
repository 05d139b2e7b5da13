package vn.lienthong.document;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import vn.lienthong.ingress.Acceptance;
import vn.lienthong.ingress.ClientGate;
import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.metrics.MessageMdc;
import vn.lienthong.tracking.TrackingStore;
import vn.lienthong.tracking.TrackingStore.Registration;

/**
 * Opens the trail of an outgoing document (RECEIVED, with its DocumentId, organs, signature and SHA-256s), then
 * {@code direct:accept-document} stores the file in the broker and {@link Acceptance#confirm} makes it ACCEPTED: the
 * same rules as dossiers, Idempotency-Key included (the same key with another body is 422).
 */
@Component("documentAcceptance")
public class DocumentAcceptance {

    private final TrackingStore tracking;
    private final DocumentTrail trail;
    private final Acceptance acceptance;

    public DocumentAcceptance(TrackingStore tracking, DocumentTrail trail, Acceptance acceptance) {
        this.tracking = tracking;
        this.trail = trail;
        this.acceptance = acceptance;
    }

    public void register(Exchange exchange) {
        Message in = exchange.getIn();
        OutgoingDocument document = in.getBody(OutgoingDocument.class);
        String idempotencyKey = Acceptance.idempotencyKey(in);
        String clientId = ClientGate.client(exchange).id();
        String kind = in.getHeader(Header.KIND, String.class);
        // the same Idempotency-Key with another body (Property.BODY_SHA256) is 422, as for dossiers
        Registration registration = acceptance.registerNew(exchange, idempotencyKey, kind, null,
                document.fromOrganId(), trackingId -> {
                    trail.record(trackingId, Direction.OUTGOING, document.documentId(), document.fromOrganId(),
                            document.toOrganIds(), document.statusCode(), null, document.size(), document.sha256());
                    trail.signature(trackingId, document.signature());
                    trail.attachments(trackingId, document.attachments());
                });
        if (registration.created()) {
            document.notes().forEach(note -> tracking.note(registration.trackingId(), note));
        }
        acceptance.registered(exchange, registration);
        ExchangeNames.keepOnlyOwn(in);
        in.setHeader(Header.TRACKING_ID, registration.trackingId());
        in.setHeader(Header.CLIENT_ID, clientId);
        in.setHeader(Header.DOCUMENT_ID, document.documentId());
        in.setHeader(Header.AXIS_KIND, document.kind().wire());
        MessageMdc.put(exchange);
    }
}
