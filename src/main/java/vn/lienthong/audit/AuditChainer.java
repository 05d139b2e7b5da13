package vn.lienthong.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import vn.lienthong.cluster.Leases;

/**
 * Which instance appends the pending audit records to the chain (routes/audit.yaml): the one holding the lease
 * {@value #LEASE}. The chain head's lock already keeps two appenders apart; the lease only spares the others the wait.
 */
@Component("auditChainer")
@EnableConfigurationProperties(AuditProperties.class)
public class AuditChainer {

    static final String LEASE = "audit-chainer";
    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    private final Leases leases;
    private final AuditChain chain;
    private final AuditProperties properties;

    public AuditChainer(Leases leases, AuditChain chain, AuditProperties properties) {
        this.leases = leases;
        this.chain = chain;
        this.properties = properties;
    }

    public boolean holdsLease() {
        try {
            return leases.acquire(LEASE, properties.chainerLease());
        } catch (DataAccessException storageDown) {
            log.debug("audit chainer lease not renewed: {}", storageDown.toString());
            return false;
        }
    }

    /** Route step: the pending records, appended. */
    public int chain() {
        return chain.appendPending();
    }

    @PreDestroy
    void release() {
        try {
            chain.appendPending(); // what this instance recorded last is chained before it stops, when it can be
            leases.release(LEASE);
        } catch (DataAccessException storageDown) {
            log.warn("audit chainer lease not released (another instance takes over when it expires): {}",
                    storageDown.toString());
        }
    }
}
