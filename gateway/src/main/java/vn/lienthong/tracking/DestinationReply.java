package vn.lienthong.tracking;

/**
 * What a destination answered about a message, as its trail keeps it: which destination ({@code portal},
 * {@code axis}, {@code eoffice}), whether it took the message or refused it, and its own code and message (the
 * portal's {@code error_code} and {@code message}, the axis's ErrorCode and ErrorDesc, the e-office's HTTP status and
 * answer).
 */
public record DestinationReply(String destination, Status status, String code, String message) {

    public enum Status {
        /** The destination took the message. */
        ACCEPTED,
        /** The destination refused it for a reason of its own; sending it again as it is will not help. */
        REJECTED
    }

    public static DestinationReply accepted(String destination, String code, String message) {
        return new DestinationReply(destination, Status.ACCEPTED, code, message);
    }

    public static DestinationReply rejected(String destination, String code, String message) {
        return new DestinationReply(destination, Status.REJECTED, code, message);
    }
}
