package vn.lienthong.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit chain, under {@code lienthong.audit} (docs/audit.md).
 *
 * @param chainInterval how often the pending records are appended to the chain: how far the chain is behind
 * @param batchSize     most records appended in one transaction
 */
@ConfigurationProperties(prefix = "lienthong.audit")
public record AuditProperties(
        @DefaultValue("250ms") Duration chainInterval,
        @DefaultValue("500") int batchSize) {
}
