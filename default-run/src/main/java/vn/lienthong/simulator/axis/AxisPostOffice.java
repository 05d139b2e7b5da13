package vn.lienthong.simulator.axis;

import vn.lienthong.simulator.SimulatorFaults;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.simulator.axis.AxisMailboxes.Delivery;
import vn.lienthong.simulator.axis.AxisMailboxes.MailItem;
import vn.lienthong.simulator.axis.AxisMailboxes.Tracked;
import vn.lienthong.simulator.axis.AxisSimulatorProperties.Agency;
import vn.lienthong.simulator.axis.AxisSimulatorProperties.ConnectedSystem;

/**
 * The simulated axis's protocol, whatever the transport (JSON/HTTP or SOAP): who may send what to whom, where a file
 * goes (a document to each To organ, a status message to the organ that sent the document it answers), what a
 * mailbox lists and how recipients acknowledge. Refusals are {@link AxisRefusal}s; the caller is already authenticated.
 */
public class AxisPostOffice {

    private static final Logger log = LoggerFactory.getLogger(AxisPostOffice.class);

    private final AxisDirectory directory;
    private final AxisMailboxes mailboxes;
    private final AxisEdxmlIntake intake;
    private final SimulatorFaults faults;
    private final Clock clock;

    public AxisPostOffice(AxisDirectory directory, AxisMailboxes mailboxes, AxisEdxmlIntake intake,
            SimulatorFaults faults, Clock clock) {
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.intake = intake;
        this.faults = faults;
        this.clock = clock;
    }

    public AxisDirectory directory() {
        return directory;
    }

    public AxisMailboxes mailboxes() {
        return mailboxes;
    }

    /** The faults the protocol calls of both transports currently suffer (never the admin calls). */
    public SimulatorFaults faults() {
        return faults;
    }

    /**
     * sendEdoc / SendKnobstick: the caller's organ sends an edXML file.
     *
     * @param declared the messagetype the caller declared; null = taken from the file
     */
    public AxisMessage send(ConnectedSystem caller, AxisMessageType declared, InputStream edxml) {
        try (AxisEdxmlIntake.ReceivedFile received = intake.receive(edxml)) {
            if (declared != null && declared != received.type()) {
                throw AxisRefusal.invalid("messagetype '" + declared.wire() + "' nhưng tệp là '"
                        + received.type().wire() + "' (messagetype does not match the file)");
            }
            if (!caller.organIds().contains(received.fromOrganId())) {
                throw new AxisRefusal(AxisRefusal.FORBIDDEN, "From/OrganId '" + received.fromOrganId()
                        + "' không thuộc hệ thống " + caller.systemId() + " (not one of the caller's organs "
                        + caller.organIds() + ")");
            }
            List<String> to = received.type() == AxisMessageType.EDOC
                    ? knownOrgans(received.toOrganIds(), false) : statusRecipient(received);
            return deposit(received, to, caller.systemId());
        }
    }

    /**
     * The admin endpoint: places a file in mailboxes as if its From agency had sent it, to {@code to} or, when empty,
     * to where the axis would route it. Closed agencies may receive it (their mail still arrives).
     */
    public AxisMessage inject(InputStream edxml, List<String> to) {
        try (AxisEdxmlIntake.ReceivedFile received = intake.receive(edxml)) {
            List<String> recipients;
            if (to != null && !to.isEmpty()) {
                recipients = knownOrgans(to.stream().distinct().toList(), true);
            } else if (received.type() == AxisMessageType.EDOC) {
                recipients = knownOrgans(received.toOrganIds(), true);
            } else {
                recipients = statusRecipient(received);
            }
            return deposit(received, recipients, AxisMessage.SENT_BY_INJECT);
        }
    }

    /** getReceivedEdocList / ReceiveKnobsticks: addressed to the caller's organs, not acknowledged done or fail. */
    public List<MailItem> pending(ConnectedSystem caller, AxisMessageType type) {
        return mailboxes.received(caller.organIds()).stream()
                .filter(item -> item.delivery().ack().listed())
                .filter(item -> type == null || item.message().type() == type)
                .toList();
    }

    /** getSentEdocList: what the caller's organs sent, one item per recipient. */
    public List<MailItem> sent(ConnectedSystem caller, AxisMessageType type) {
        return mailboxes.sent(caller.organIds()).stream()
                .filter(item -> type == null || item.message().type() == type)
                .toList();
    }

    /**
     * getEdoc / GetKnobstick: a file addressed to, or sent by, one of the caller's organs.
     *
     * @throws AxisRefusal 404 otherwise (the caller does not learn whether the DocID exists)
     */
    public Tracked fetch(ConnectedSystem caller, String docId) {
        if (docId == null || docId.isBlank()) {
            throw AxisRefusal.invalid("DocID: thiếu (missing)");
        }
        return mailboxes.tracked(docId)
                .filter(tracked -> caller.organIds().contains(tracked.message().fromOrganId())
                        || tracked.deliveries().stream().anyMatch(d -> caller.organIds().contains(d.organId())))
                .orElseThrow(() -> unknownDocId(docId));
    }

    /**
     * updateStatus / UpdateKnobstickStatus: the caller says what it did with a file it received.
     *
     * @param organId which of its organs; null = every one of them the file was sent to
     */
    public List<Delivery> acknowledge(ConnectedSystem caller, String docId, String status, String reason,
            String organId) {
        if (docId == null || docId.isBlank()) {
            throw AxisRefusal.invalid("DocID: thiếu (missing)");
        }
        AxisAck ack = AxisAck.fromUpdate(status == null ? "" : status).orElseThrow(() -> AxisRefusal.invalid(
                "status: '" + status + "' phải là done, fail hoặc processing (must be done, fail or processing)"));
        if (organId != null && !caller.organIds().contains(organId)) {
            throw new AxisRefusal(AxisRefusal.FORBIDDEN, "OrganId '" + organId + "' không thuộc hệ thống "
                    + caller.systemId() + " (not one of the caller's organs)");
        }
        Tracked tracked = mailboxes.tracked(docId).orElseThrow(() -> unknownDocId(docId));
        List<String> organs = tracked.deliveries().stream().map(Delivery::organId)
                .filter(organ -> organId == null ? caller.organIds().contains(organ) : organ.equals(organId))
                .toList();
        if (organs.isEmpty()) {
            throw unknownDocId(docId);
        }
        List<Delivery> deliveries = mailboxes.acknowledge(docId, organs, ack, blankToNull(reason), clock.instant());
        log.info("axis simulator: {} {} by {}{}", docId, ack.wire(), organs,
                reason == null ? "" : " (" + reason + ")");
        return deliveries;
    }

    public List<Agency> agencies() {
        return directory.agencies();
    }

    private AxisMessage deposit(AxisEdxmlIntake.ReceivedFile received, List<String> to, String sentBy) {
        AxisMessage message = new AxisMessage(UUID.randomUUID().toString(), received.type(), received.fromOrganId(),
                to, received.documentId(), received.statusCode(), received.size(), received.sha256(),
                received.attachments(), clock.instant(), sentBy, received.signature());
        mailboxes.deposit(received.file(), message);
        log.info("axis simulator: {} {} from {} to {} ({} bytes, sent by {})", message.type().wire(),
                message.docId(), message.fromOrganId(), to, message.size(), sentBy);
        return message;
    }

    /** Every organ must be in the directory (404 lists the unknown ones) and, unless allowed, active (410). */
    private List<String> knownOrgans(List<String> organIds, boolean closedAllowed) {
        if (organIds.isEmpty()) {
            throw AxisRefusal.invalid("Văn bản không có nơi nhận To/OrganId (the document has no To organ)");
        }
        List<String> unknown = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (String organId : organIds) {
            directory.agency(organId).ifPresentOrElse(agency -> {
                if (!agency.isActive()) {
                    closed.add(organId);
                }
            }, () -> unknown.add(organId));
        }
        if (!unknown.isEmpty()) {
            throw AxisRefusal.notFound("Không có cơ quan " + unknown + " trên trục (unknown organ)");
        }
        if (!closedAllowed && !closed.isEmpty()) {
            throw new AxisRefusal(AxisRefusal.CLOSED, "Cơ quan " + closed
                    + " đã ngừng hoạt động (closed organ: send to its successor)");
        }
        return organIds;
    }

    /** A status message goes back to the organ that sent the document it answers, even a closed one. */
    private List<String> statusRecipient(AxisEdxmlIntake.ReceivedFile received) {
        if (received.toOrganIds().isEmpty()) {
            throw AxisRefusal.invalid("Trạng thái không có ResponseFor/OrganId (the status message answers no organ)");
        }
        return knownOrgans(received.toOrganIds(), true);
    }

    private static AxisRefusal unknownDocId(String docId) {
        return AxisRefusal.notFound("Không tìm thấy DocID " + docId + " (unknown DocID)");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
