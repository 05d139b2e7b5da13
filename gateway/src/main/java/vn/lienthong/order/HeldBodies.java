package vn.lienthong.order;

import java.util.Map;

import org.apache.camel.Exchange;

/**
 * Where held messages keep a body too large for the {@code held_message} table: a flow whose messages are files (the
 * documents, vn.lienthong.document.HeldDocumentBodies) keeps them in a broker queue of its own as large messages, never
 * whole in memory nor in a database column. The other flows' bodies are text, kept in the table.
 */
public interface HeldBodies {

    /** Whether this exchange's body is one this store keeps (a message being delivered or set aside). */
    boolean keeps(Exchange exchange);

    /** The queue the bodies are kept in (recorded with each held message). */
    String queue();

    /**
     * Stores the body of the message on the exchange, under its tracking id. Sent again when the broker gives a message
     * again after a crash: a copy too many is removed when the message is released.
     */
    void put(Exchange exchange);

    /**
     * Takes the body of a held message for one attempt: the exchange's body becomes the message as queued. Null when the
     * body is not there (yet: a consumer stored the message's row before a crash kept it from storing its body; the
     * broker gives it to a consumer again, which stores it).
     */
    Taken take(String trackingId, Map<String, Object> headers, Exchange exchange);

    /** A body taken for one attempt; released when the exchange completes if neither method was called. */
    interface Taken {

        /** The attempt ended the message's stay (delivered, refused, dead-lettered): every copy is removed. */
        void done();

        /** The attempt failed and the message stays held: its body stays for the next one. */
        void again();
    }
}
