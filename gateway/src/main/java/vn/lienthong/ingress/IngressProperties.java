package vn.lienthong.ingress;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what client systems may send, and how their messages are carried, under {@code lienthong.ingress}.
 *
 * @param maxBodySize       larger bodies are refused with 413 before they are read (after gzip: the decoded size)
 * @param maxItems          most dossiers, or progress items, one request may carry (400 above): validating a
 *                          300 KB array of 100,000 empty items took seconds
 * @param relayFormats      input formats whose field set is the portal's own: their messages reach the portal as
 *                          sent, value for value (mappings/README.md "Relayed formats")
 * @param unknownFields     what happens to a property the client's format does not describe, in a relayed format
 *                          (a translated format cannot carry it: always refused)
 */
@ConfigurationProperties(prefix = "lienthong.ingress")
public record IngressProperties(@DefaultValue("5MB") DataSize maxBodySize,
                                @DefaultValue("100") int maxItems,
                                @DefaultValue("dvcqg") Set<String> relayFormats,
                                @DefaultValue("FORWARD") UnknownFields unknownFields) {

    /** Unknown properties of a relayed message. */
    public enum UnknownFields {
        /** forwarded to the portal as sent, and named in a warning in the message's trail */
        FORWARD,
        /** refused: 400 with the path of each */
        REFUSE
    }

    public boolean relays(String inputFormat) {
        return relayFormats.contains(inputFormat);
    }
}
