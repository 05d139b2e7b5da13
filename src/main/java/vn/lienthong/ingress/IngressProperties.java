package vn.lienthong.ingress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what client systems may send, under {@code lienthong.ingress}.
 *
 * @param maxBodySize larger bodies are refused with 413 before they are read
 */
@ConfigurationProperties(prefix = "lienthong.ingress")
public record IngressProperties(@DefaultValue("5MB") DataSize maxBodySize) {
}
