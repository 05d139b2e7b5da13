package vn.lienthong.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one-instance jobs, under {@code lienthong.cluster}: a job whose route starts with {@code master:<job>:} runs on
 * the one gateway instance holding the lease {@code <job>} in the shared database ({@link LeaseClusterService}).
 *
 * @param lease how long a lease lasts unless renewed: another instance takes a job over this long after its holder
 *              died (at once when the holder stops cleanly)
 * @param renew how often the holder renews its leases and the others try to take free ones (well under the lease)
 */
@ConfigurationProperties(prefix = "lienthong.cluster")
public record ClusterProperties(
        @DefaultValue("10s") Duration lease,
        @DefaultValue("2s") Duration renew) {

    public ClusterProperties {
        if (renew.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("lienthong.cluster.renew (" + renew + ") must be shorter than"
                    + " lienthong.cluster.lease (" + lease + ")");
        }
    }
}
