package vn.lienthong.document;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The documents flow ({@code lienthong.documents.*}): the e-office webhook, how often the axis is polled, and how
 * the axis's agency directory is kept. Queue names are under {@code lienthong.queues.document-*}, retries under
 * {@code lienthong.delivery.*} (the same rules as dossiers).
 *
 * @param eofficeUrl           the e-office webhook base: documents go to {@code <url>/<organId>/documents} (multipart),
 *                             statuses to {@code <url>/<organId>/statuses} (JSON)
 * @param eofficeApiKey        sent as {@code X-API-Key} to the webhook, when set
 * @param eofficeTimeout       how long one webhook call may take (a 50 MiB document included)
 * @param checkAgencies        refuse outgoing documents to organs the axis directory does not know (once synced)
 */
@ConfigurationProperties(prefix = "lienthong.documents")
public record DocumentProperties(
        URI eofficeUrl,
        String eofficeApiKey,
        @DefaultValue("5s") Duration eofficeConnectTimeout,
        @DefaultValue("120s") Duration eofficeTimeout,
        @DefaultValue("true") boolean checkAgencies) {

    public DocumentProperties {
        eofficeConnectTimeout = eofficeConnectTimeout != null ? eofficeConnectTimeout : Duration.ofSeconds(5);
        eofficeTimeout = eofficeTimeout != null ? eofficeTimeout : Duration.ofSeconds(120);
    }

    /** Without the webhook key: properties end up in logs and actuator output. */
    @Override
    public String toString() {
        return "DocumentProperties[eofficeUrl=" + eofficeUrl + ", checkAgencies="
                + checkAgencies + "]";
    }
}
