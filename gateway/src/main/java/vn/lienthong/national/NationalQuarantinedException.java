package vn.lienthong.national;

/**
 * A message from the national portal that cannot go on as it is: the portal sent it with problems, no rule of the
 * routing table routes it, or a file of it cannot be taken. It is quarantined with the reason (routes/error-handling.yaml):
 * operators see it, can replay it (after fixing the routing table) or refuse it back to the portal; the portal is not
 * told it was received.
 */
public class NationalQuarantinedException extends RuntimeException {

    public NationalQuarantinedException(String reason) {
        super(reason);
    }
}
