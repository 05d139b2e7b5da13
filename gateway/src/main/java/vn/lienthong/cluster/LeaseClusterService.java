package vn.lienthong.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Camel's cluster service on the gateway's database leases ({@link Leases}): the one mechanism behind every job that
 * runs on one instance at a time. A route written {@code from: master:<job>:timer:...} starts its consumer only on the
 * instance that holds the lease {@code <job>}; the holder renews it every {@code lienthong.cluster.renew} in the
 * background (a long run never loses it), gives it up when it stops, and loses it (stopping the job) the first time
 * it cannot renew it; another instance takes it over once it expired.
 */
public class LeaseClusterService extends AbstractCamelClusterService<LeaseClusterService.LeaseView> {

    public static final String ID = "lienthong-leases";
    private static final Logger log = LoggerFactory.getLogger(LeaseClusterService.class);

    private final Leases leases;
    private final ClusterProperties properties;

    public LeaseClusterService(Leases leases, ClusterProperties properties) {
        super(ID);
        this.leases = leases;
        this.properties = properties;
    }

    @Override
    protected LeaseView createView(String namespace) {
        return new LeaseView(this, namespace);
    }

    /** One job's lease, as Camel's master component sees it. */
    public final class LeaseView extends AbstractCamelClusterView {

        private final Member local = new Member();
        private volatile boolean leader;
        private ScheduledExecutorService executor;
        private ScheduledFuture<?> renewal;

        LeaseView(CamelClusterService service, String namespace) {
            super(service, namespace);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
            executor = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "lease-" + getNamespace());
            renewal = executor.scheduleWithFixedDelay(this::renew, 0, properties.renew().toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        @Override
        protected void doStop() {
            if (renewal != null) {
                renewal.cancel(false);
            }
            if (executor != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            }
            if (leader) {
                leader = false;
                fireLeadershipChangedEvent(Optional.empty());
                try {
                    leases.release(getNamespace());
                } catch (DataAccessException storageDown) {
                    log.warn("lease {} not released (another instance takes over when it expires): {}",
                            getNamespace(), storageDown.toString());
                }
            }
        }

        private void renew() {
            boolean held;
            try {
                held = leases.acquire(getNamespace(), properties.lease());
            } catch (RuntimeException storageDown) {
                log.debug("lease {} not renewed: {}", getNamespace(), storageDown.toString());
                held = false;
            }
            if (held != leader) {
                leader = held;
                log.info("{} the lease {}: job {} {} on this instance", held ? "took" : "lost", getNamespace(),
                        getNamespace(), held ? "runs" : "stops");
                fireLeadershipChangedEvent(held ? Optional.of(local) : Optional.empty());
            }
        }

        private final class Member implements CamelClusterMember {

            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return leases.owner();
            }
        }
    }
}
