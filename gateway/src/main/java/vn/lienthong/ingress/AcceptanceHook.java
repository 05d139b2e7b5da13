package vn.lienthong.ingress;

import org.apache.camel.Exchange;

/**
 * What a capability records about a message as it is accepted, in the transaction that opens the message's trail (so
 * it exists exactly when the message does): e.g. the indicators' view of its dossier. Not called for a repeat of a
 * message already accepted. Keep it to a statement or two: it runs on every message's way in.
 */
public interface AcceptanceHook {

    /**
     * @param kind   the message kind ({@code DOSSIER}, {@code PROGRESS}, {@code NATIONAL_DOSSIER}, ...)
     * @param maHoSo its dossier, or null
     * @param body   its content as checked: the canonical model, or the portal's field set for the national flow
     */
    void accepted(Exchange exchange, String trackingId, String kind, String maHoSo, Object body);
}
