package vn.lienthong.tracking;

import org.apache.camel.Exchange;

/**
 * Who may read which trail, told by the API's front door (vn.lienthong.ingress.ClientGate, which knows who is
 * calling): a client reads the trails of the messages it sent, an operator every trail.
 */
public interface TrailReaders {

    /** Whether the caller of this request may read the trail of a message that client {@code clientId} sent. */
    boolean mayRead(Exchange exchange, String clientId);

    /** What the front door answers when there is no trail the caller may read (404, with {@code why}). */
    RuntimeException noTrail(String why);
}
