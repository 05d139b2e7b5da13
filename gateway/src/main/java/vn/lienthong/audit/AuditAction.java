package vn.lienthong.audit;

/** What an audit entry records (the {@code action} column of {@code audit_entry}, see docs/audit.md). */
public enum AuditAction {
    /** A message the gateway answered 202 for (or took from the document axis): stored in the broker. */
    MESSAGE_ACCEPTED,
    /** An operator or administrator logged in, or a login failed. */
    LOGIN,
    LOGIN_FAILED,
    /** A parked dossier message put back on its way; a parked or quarantined document processed again. */
    REPLAY,
    REPROCESS,
    /** A quarantined dossier of the national portal refused back to it by an operator, with the reason. */
    REFUSE,
    /** The Decision 766 indicators folded again from every dossier (docs/indicators.md). */
    RECOMPUTE,
    /** A JMX operation or attribute change asked through Jolokia (the console): route start/stop and the like. */
    JOLOKIA_EXEC,
    JOLOKIA_WRITE
}
