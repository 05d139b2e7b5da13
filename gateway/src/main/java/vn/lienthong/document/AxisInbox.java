package vn.lienthong.document;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.audit.AuditTrail;
import vn.lienthong.axis.AxisAck;
import vn.lienthong.axis.AxisInboxItem;
import vn.lienthong.axis.AxisMessageKind;
import vn.lienthong.axis.AxisTransport;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.MessageMdc;
import vn.lienthong.tracking.NewMessage;
import vn.lienthong.tracking.TrackedMessage;
import vn.lienthong.tracking.TrackingIds;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * The province's mailbox at the document axis. The poller (one gateway instance at a time, by lease) takes each
 * message not taken yet: fetches the file, opens its trail and stores it in the queue to the e-office; only then is
 * it the gateway's. The axis hears "done" only after the e-office has the document, and "fail" with the reason when
 * it was quarantined.
 */
@Component("axisInbox")
public class AxisInbox {

    /** Who sent it, in tracking: messages from the axis have no client system. */
    public static final String CLIENT_ID = "document-axis";
    private static final Logger log = LoggerFactory.getLogger(AxisInbox.class);

    private final AxisTransport axis;
    private final TrackingStore tracking;
    private final DocumentTrail trail;
    private final DocumentQueue queue;
    private final DocumentSpool spool;
    private final AuditTrail audit;

    public AxisInbox(AxisTransport axisTransport, TrackingStore tracking, DocumentTrail trail, DocumentQueue queue,
                     DocumentSpool spool, AuditTrail audit) {
        this.axis = axisTransport;
        this.audit = audit;
        this.tracking = tracking;
        this.trail = trail;
        this.queue = queue;
        this.spool = spool;
    }

    /** One poll (route axis-poll, on the one instance holding its lease): returns how many messages were taken. */
    public int poll() {
        List<AxisInboxItem> waiting = axis.received();
        int taken = 0;
        for (AxisInboxItem item : waiting) {
            try {
                MessageMdc.put(null, null, item.documentId());
                if (take(item)) {
                    taken++;
                }
            } finally {
                MessageMdc.clear();
            }
        }
        if (taken > 0) {
            log.info("document axis: took {} new message(s), {} waiting in the mailbox", taken, waiting.size());
        }
        return taken;
    }

    /** The reason its trail recorded (the axis hears the same whichever acknowledgement reaches it first). */
    private String quarantineReason(String trackingId) {
        return tracking.find(trackingId).flatMap(m -> m.history().stream()
                        .filter(e -> e.state() == TrackingState.QUARANTINED && e.detail() != null)
                        .map(TrackedMessage.Event::detail).reduce((first, later) -> later))
                .orElse("quarantined by the receiving gateway, tracking id " + trackingId);
    }

    private boolean take(AxisInboxItem item) {
        var known = trail.incoming(item.docId());
        if (known.isPresent() && !TrackingState.RECEIVED.name().equals(known.get().state())) {
            // The axis lists it until it is acknowledged: still in the queue, or its acknowledgement was lost.
            String state = known.get().state();
            if (TrackingState.DELIVERED.name().equals(state)) {
                axis.acknowledge(item.docId(), item.toOrganId(), AxisAck.DONE, null);
            } else if (TrackingState.QUARANTINED.name().equals(state)) {
                acknowledgeFail(item.docId(), item.toOrganId(), quarantineReason(known.get().trackingId()));
            }
            return false;
        }
        Path file = spool.newFile(".edxml");
        try {
            axis.fetch(item.docId(), file);
            String sha256 = FileDigest.sha256(file);
            String trackingId = known.map(DocumentTrail.Taken::trackingId).orElseGet(() -> open(item, file, sha256));
            MessageMdc.put(trackingId, null, item.documentId());
            String kind = item.kind() == AxisMessageKind.STATUS ? MessageKind.DOCUMENT_STATUS.name()
                    : MessageKind.DOCUMENT.name();
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put(Header.TRACKING_ID, trackingId);
            headers.put(Header.CLIENT_ID, CLIENT_ID);
            headers.put(Header.KIND, kind);
            headers.put(Header.AXIS_KIND, item.kind().wire());
            headers.put(Header.AXIS_DOC_ID, item.docId());
            headers.put(Header.TO_ORGAN_ID, item.toOrganId());
            headers.put(Header.DOCUMENT_ID, item.documentId());
            var sentAt = tracking.clock();
            queue.sendFromAxis(file, headers, item.documentId() != null ? item.documentId() : item.docId());
            tracking.accepted(trackingId, sentAt, () -> audit.messageAccepted(trackingId, CLIENT_ID, kind, sha256,
                    sentAt));
            return true;
        } finally {
            DocumentSpool.delete(file);
        }
    }

    private String open(AxisInboxItem item, Path file, String sha256) {
        String trackingId = TrackingIds.next();
        String kind = item.kind() == AxisMessageKind.STATUS ? MessageKind.DOCUMENT_STATUS.name()
                : MessageKind.DOCUMENT.name();
        long size = FileDigest.size(file);
        tracking.register(new NewMessage(trackingId, CLIENT_ID, kind, null, item.toOrganId(), null),
                id -> trail.record(id, Direction.INCOMING, item.documentId(), item.fromOrganId(),
                        List.of(item.toOrganId()), null, item.docId(), size, sha256));
        return trackingId;
    }

    /** Route step: the e-office has it, so the axis hears "done". */
    public void acknowledgeDone(Exchange exchange) {
        axis.acknowledge(exchange.getIn().getHeader(Header.AXIS_DOC_ID, String.class),
                exchange.getIn().getHeader(Header.TO_ORGAN_ID, String.class), AxisAck.DONE, null);
        exchange.setProperty(Property.DETAIL, "delivered to the e-office; the document axis was told done");
    }

    /** The document cannot be processed: the axis hears "fail" with the reason (best effort: it is quarantined). */
    void acknowledgeFail(String axisDocId, String toOrganId, String reason) {
        try {
            axis.acknowledge(axisDocId, toOrganId, AxisAck.FAIL, reason);
        } catch (RuntimeException e) {
            log.warn("could not tell the document axis that {} failed: {}", axisDocId, e.getMessage());
        }
    }
}
