package vn.lienthong.axis;

import java.nio.file.Path;
import java.util.List;

/**
 * The national document axis as the gateway talks to it. Two implementations, chosen by
 * {@code lienthong.axis.transport}: JSON over HTTP ({@code /sendEdoc}, {@code /getReceivedEdocList}, {@code /getEdoc},
 * {@code /updateStatus}, {@code /getAgenciesList} with {@code systemid}/{@code secret}) and SOAP (SendKnobstick,
 * ReceiveKnobsticks, GetKnobstick, UpdateKnobstickStatus, ListAgency with a session token, MTOM).
 * <p>
 * Files are streamed, never held whole in memory. Every method throws {@link AxisUnavailableException} when the axis
 * cannot be reached or fails (retry later) and {@link AxisRejectedException} when it refuses the request (do not retry
 * as is).
 */
public interface AxisTransport {

    /** Sends an edXML file (a document or a status message) and returns the axis's DocID for it. */
    String send(Path edxml, AxisMessageKind kind);

    /** Messages waiting for the province's organs and not yet acknowledged, oldest first. */
    List<AxisInboxItem> received();

    /** Copies one received message, as the sender's edXML file, to {@code target} (replaced if present). */
    void fetch(String docId, Path target);

    /** Tells the axis how delivery of a received message to {@code organId} went; {@code reason} for FAIL. */
    void acknowledge(String docId, String organId, AxisAck ack, String reason);

    /** The agency directory. */
    List<AxisAgency> agencies();
}
