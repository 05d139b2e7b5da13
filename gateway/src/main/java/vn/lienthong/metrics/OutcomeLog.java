package vn.lienthong.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import vn.lienthong.tracking.StateChange;
import vn.lienthong.tracking.TrackingListener;

/**
 * One INFO line per outcome of a message (delivered, rejected, held, dead-lettered, quarantined, replayed) naming its
 * tracking id and its MaHoSo or DocumentId; acceptances are DEBUG (the 202 answer already names them).
 */
@Component
public class OutcomeLog implements TrackingListener {

    private static final Logger log = LoggerFactory.getLogger(OutcomeLog.class);

    @Override
    public void changed(StateChange change) {
        Outcome outcome = Outcome.of(change);
        if (outcome == null || (outcome == Outcome.ACCEPTED && !log.isDebugEnabled())) {
            return;
        }
        String documentId = MDC.get(MessageMdc.DOCUMENT_ID);
        String ids = "trackingId=" + change.trackingId()
                + (change.maHoSo() != null ? " MaHoSo=" + change.maHoSo() : "")
                + (documentId != null ? " DocumentId=" + documentId : "");
        if (outcome == Outcome.ACCEPTED) {
            log.debug("accepted {} {}", change.kind(), ids);
        } else {
            log.info("{} {} {}{}", outcome.tag(), change.kind(), ids,
                    change.detail() == null ? "" : ": " + change.detail());
        }
    }
}
