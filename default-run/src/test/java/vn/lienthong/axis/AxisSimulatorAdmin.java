package vn.lienthong.axis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.DvcqgSimulator;
import vn.lienthong.support.Http;

/**
 * The axis simulator of the shared simulator application (the {@code simulator} profile serves the DVCQG, the axis
 * and the e-office side by side), seen from outside: its protocol URLs for the transports under test, and its admin
 * endpoints to fill mailboxes, look inside them and inject faults.
 */
final class AxisSimulatorAdmin {

    static final String GATEWAY_SYSTEM = "lienthong";
    static final String GATEWAY_SECRET = "dev-axis-secret";

    private final String root;

    private AxisSimulatorAdmin(String root) {
        this.root = root;
    }

    static AxisSimulatorAdmin shared() {
        String dvcqg = DvcqgSimulator.shared().baseUrl();
        return new AxisSimulatorAdmin(dvcqg.substring(0, dvcqg.indexOf("/sim/dvcqg")));
    }

    /** What the gateway would be configured with to reach this simulator. */
    AxisProperties properties(AxisProperties.Transport transport, String secret, Duration requestTimeout) {
        return new AxisProperties(transport, URI.create(root + "/sim/axis"), URI.create(root + "/services/sim/axis"),
                GATEWAY_SYSTEM, secret, Duration.ofSeconds(5), requestTimeout);
    }

    /** A file in an organ's mailbox, as the axis stored it (DocID, sha256, attachments, ack...); null if absent. */
    JsonNode received(String organId, String docId) {
        JsonNode records = ok(Http.get(root + "/sim/axis/agencies/" + organId + "/received", Map.of()));
        return StreamSupport.stream(records.spliterator(), false)
                .filter(record -> docId.equals(record.path("DocID").asText()))
                .findFirst().orElse(null);
    }

    /** One file with every recipient's ack. */
    JsonNode document(String docId) {
        return ok(Http.get(root + "/sim/axis/documents/" + docId, Map.of()));
    }

    /** Places a file in {@code organId}'s mailbox as if its From organ had sent it; returns its DocID. */
    String inject(Path edxml, String organId) {
        try {
            return ok(Http.post(root + "/sim/axis/inject?to=" + organId, Files.readAllBytes(edxml),
                    Map.of("Content-Type", "application/xml"))).path("DocID").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clearMailboxes() {
        ok(Http.delete(root + "/sim/axis/mailboxes"));
    }

    /** Every SOAP session token becomes invalid; returns how many there were. */
    int expireSessions() {
        return ok(Http.post(root + "/sim/axis/sessions/expire", new byte[0], Map.of())).path("expired").asInt();
    }

    void faults(boolean down, double errorRate, long latencyMs) {
        ok(Http.put(root + "/sim/axis/faults", Map.of("down", down, "errorRate", errorRate, "latencyMs", latencyMs)));
    }

    void healthy() {
        faults(false, 0, 0);
    }

    private static JsonNode ok(Http.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }
}
