package vn.lienthong.portal;

/** Progress for a dossier the portal has not accepted from this gateway: it waits for an operator, not a retry. */
public class DossierNotAcceptedException extends RuntimeException {

    public DossierNotAcceptedException(String maHoSo) {
        super("dossier " + maHoSo + " was sent through the gateway but not accepted by the portal; "
                + "its progress is held until the dossier is accepted");
    }
}
