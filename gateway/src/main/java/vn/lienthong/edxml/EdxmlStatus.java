package vn.lienthong.edxml;

import java.time.LocalDateTime;
import java.util.List;

import vn.lienthong.contract.Problem;

/** An edXML status message: who (From, StaffInfo) says what (StatusCode, Description) about which document, when. */
public record EdxmlStatus(Organ from, ResponseFor responseFor, StaffInfo staffInfo, StatusCode statusCode,
                          String description, LocalDateTime timestamp, List<TraceHeader> traceHeaders,
                          SignatureCheck signature, List<Problem> warnings) implements EdxmlMessage {

    public EdxmlStatus {
        traceHeaders = traceHeaders == null ? List.of() : List.copyOf(traceHeaders);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A status message to send. */
    public static EdxmlStatus of(Organ from, ResponseFor responseFor, StaffInfo staffInfo, StatusCode statusCode,
                                 String description, LocalDateTime timestamp) {
        return new EdxmlStatus(from, responseFor, staffInfo, statusCode, description, timestamp, List.of(), null,
                List.of());
    }
}
