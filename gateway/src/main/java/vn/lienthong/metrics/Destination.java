package vn.lienthong.metrics;

/** The systems the gateway delivers to, as metrics and health name them. */
public enum Destination {
    /** The national public service portal (DVCQG). */
    PORTAL("portal"),
    /** The national document axis. */
    AXIS("axis"),
    /** The provincial e-office's webhook. */
    EOFFICE("eoffice"),
    /** The province's one-stop systems (hệ thống một cửa), where the national portal's dossiers go. */
    MOTCUA("motcua");

    private final String tag;

    Destination(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
