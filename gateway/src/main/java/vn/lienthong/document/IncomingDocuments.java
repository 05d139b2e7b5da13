package vn.lienthong.document;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlMessage;
import vn.lienthong.edxml.EdxmlReader;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.SignatureCheck;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.tracking.TrackingStore;

/**
 * Checks a message received from the axis (the same secure reader, checks and signature policy as the e-office's
 * documents: a bad one is quarantined), records what it is, finds the e-office organ it is for (a closed code goes to
 * its successor, noted in tracking), and gives the mapping to the e-office its canonical JSON: the names of the
 * document contract ({@code mappings/documents/document.schema.json}) plus the attachments with size and SHA-256 and
 * the signature as checked.
 */
@Component("incomingDocuments")
public class IncomingDocuments {

    private final EdxmlReader reader;
    private final DocumentTrail trail;
    private final TrackingStore tracking;
    private final OrganDirectory organs;
    private final DocumentSpool spool;

    public IncomingDocuments(EdxmlReader reader, DocumentTrail trail, TrackingStore tracking, OrganDirectory organs,
                             DocumentSpool spool) {
        this.reader = reader;
        this.trail = trail;
        this.tracking = tracking;
        this.organs = organs;
        this.spool = spool;
    }

    /** Body: the received edXML file → the canonical JSON (maps) for {@code mappings/eoffice/}. */
    public void read(Exchange exchange) {
        Message in = exchange.getIn();
        String trackingId = DeliveryTrail.trackingId(exchange);
        EdxmlMessage message = reader.read(in.getBody(Path.class));
        String toOrgan = in.getHeader(Header.TO_ORGAN_ID, String.class);
        String eofficeOrgan = organs.successor(toOrgan).orElse(toOrgan);
        if (!eofficeOrgan.equals(toOrgan)) {
            tracking.note(trackingId, "addressed to " + toOrgan + ", a code closed in the 2025 reorganisation: "
                    + "delivered to " + eofficeOrgan);
        }
        exchange.setProperty(Property.EOFFICE_ORGAN, eofficeOrgan);
        Map<String, Object> json;
        if (message instanceof EdxmlDocument document) {
            List<Path> files = new ArrayList<>();
            document.attachments().forEach(a -> files.add(a.spooledFile()));
            spool.deleteWhenDone(exchange, files);
            trail.incomingRead(trackingId, document.documentId(), document.from().organId(),
                    document.to().stream().map(Organ::organId).toList(), null);
            trail.signature(trackingId, document.signature());
            trail.attachments(trackingId, document.attachments());
            exchange.setProperty(Property.ATTACHMENTS, document.attachments());
            json = DocumentJson.document(document);
        } else {
            EdxmlStatus status = (EdxmlStatus) message;
            trail.incomingRead(trackingId, status.responseFor().documentId(), status.from().organId(), null,
                    status.statusCode().code());
            trail.signature(trackingId, status.signature());
            exchange.setProperty(Property.ATTACHMENTS, List.<EdxmlAttachment>of());
            json = DocumentJson.status(status);
        }
        warnings(message).forEach(w -> tracking.note(trackingId, "warning " + w));
        json.put("receivedFor", eofficeOrgan);
        json.put("trackingId", trackingId);
        json.put("axisDocId", in.getHeader(Header.AXIS_DOC_ID, String.class));
        in.setBody(json);
    }

    private static List<String> warnings(EdxmlMessage message) {
        var warnings = message instanceof EdxmlDocument d ? d.warnings() : ((EdxmlStatus) message).warnings();
        return warnings.stream().map(w -> w.path() + ": " + w.message()).toList();
    }

    static Map<String, Object> signature(SignatureCheck check) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (check != null) {
            json.put("status", check.status().name());
            json.put("reason", check.reason());
            json.put("signer", check.signer());
        }
        return json;
    }
}
