package vn.lienthong.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Appends the pending audit records to the chain (routes/audit.yaml: a master: job, on the one instance holding the
 * lease audit-chainer). The chain head's lock already keeps two appenders apart; the lease only spares the others the
 * wait.
 */
@Component("auditChainer")
@EnableConfigurationProperties(AuditProperties.class)
public class AuditChainer {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    private final AuditChain chain;

    public AuditChainer(AuditChain chain) {
        this.chain = chain;
    }

    /** Route step: the pending records, appended. */
    public int chain() {
        return chain.appendPending();
    }

    /** What this instance recorded last is chained before it stops, when it can be. */
    @PreDestroy
    void appendLast() {
        try {
            chain.appendPending();
        } catch (DataAccessException storageDown) {
            log.warn("audit records not chained at shutdown (the instance holding the lease chains them): {}",
                    storageDown.toString());
        }
    }
}
