package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlSigner;
import vn.lienthong.edxml.EdxmlWriter;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.http.MultipartBody;
import vn.lienthong.support.Http;

/**
 * Documents through a gateway crash (issue 4 covers documents too): documents taken from the axis but not yet handed
 * to the e-office (it is down), and documents the e-office sent while the axis is down, are in the broker when the
 * gateway is killed with -9; after the restart every one of them arrives, byte for byte, and the axis hears "done"
 * for every received one. Duplicates are counted.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DocumentCrashIT {

    private static final int DOCUMENTS = Settings.integer("documents.count", 10);
    private static final int ATTACHMENT_BYTES = 300 * 1024; // above Artemis's large-message threshold
    private static final String H31 = "000.00.00.H31";
    private static final String H41 = "000.00.00.H41";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("document-crash").gatewayArguments("--lienthong.documents.poll-interval=500").start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void documentsInTheBrokerArriveAfterAKill9() throws Exception {
        stack.run(() -> {
            GatewayProcess gateway = stack.gateway();
            Path files = Files.createDirectories(stack.directory.resolve("document-files"));
            Path attachment = files.resolve("cong-van.pdf");
            byte[] content = new byte[ATTACHMENT_BYTES];
            new Random(42).nextBytes(content);
            Files.write(attachment, content);
            String stamp = Long.toString(System.currentTimeMillis() % 1_000_000);

            faults("axis", false);
            faults("eoffice", true);
            List<String> incoming = new ArrayList<>();
            List<String> docIds = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                String number = "IN" + stamp + i;
                incoming.add(H41 + ",2026/11/27," + number + "/UBND-VP");
                docIds.add(inject(edxml(H41, number, H31, attachment), H31));
            }
            await("the gateway to take the received documents").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300)).failFast(gateway::assertAlive)
                    .until(() -> taken(docIds) == DOCUMENTS);

            faults("axis", true);
            List<String> outgoing = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                String number = "OUT" + stamp + i;
                Http.Reply reply = post(gateway.apiUrl(), metadata(number), attachment);
                if (reply.status() != 202) {
                    throw new AssertionError("document " + number + " not accepted: " + reply.status() + " "
                            + reply.text());
                }
                outgoing.add(H31 + ",2026/11/27," + number + "/UBND-VP");
            }

            gateway.kill();
            long killedAt = System.currentTimeMillis();
            faults("axis", false);
            faults("eoffice", false);
            gateway.start();
            gateway.awaitReady(Stack.START_TIMEOUT);

            String sha256 = sha256(content);
            await("every document to arrive").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .failFast(gateway::assertAlive)
                    .until(() -> outgoing.stream().allMatch(d -> !receivedAtH41(d).isEmpty())
                            && incoming.stream().allMatch(d -> !atEoffice(d).isEmpty())
                            && docIds.stream().allMatch(id -> "done".equals(ack(id))));
            long arrivedAt = System.currentTimeMillis();

            int duplicates = 0;
            SoftAssertions softly = new SoftAssertions();
            for (String documentId : outgoing) {
                List<JsonNode> copies = receivedAtH41(documentId);
                duplicates += copies.size() - 1;
                copies.forEach(c -> softly.assertThat(c.at("/attachments/0/sha256").asText())
                        .as("attachment of %s at the axis", documentId).isEqualTo(sha256));
            }
            for (String documentId : incoming) {
                List<JsonNode> copies = atEoffice(documentId);
                duplicates += copies.size() - 1;
                copies.forEach(c -> softly.assertThat(c.at("/files/0/sha256").asText())
                        .as("attachment of %s at the e-office", documentId).isEqualTo(sha256));
            }
            long delivered = outgoing.stream().filter(d -> !receivedAtH41(d).isEmpty()).count()
                    + incoming.stream().filter(d -> !atEoffice(d).isEmpty()).count();
            new ResultLine("document-crash")
                    .put("sent", 2L * DOCUMENTS)
                    .put("accepted", 2L * DOCUMENTS)
                    .put("delivered", delivered)
                    .put("lost", 2L * DOCUMENTS - delivered)
                    .put("duplicates", duplicates)
                    .put("recovery_or_pause_ms", arrivedAt - killedAt)
                    .print();
            softly.assertAll();
        });
    }

    private static String sha256(byte[] content) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static void faults(String simulator, boolean down) {
        Http.Reply reply = Http.put(stack.portal.baseUrl().replace("/sim/dvcqg", "/sim/" + simulator) + "/faults",
                Map.of("down", down));
        if (reply.status() != 200) {
            throw new IllegalStateException("could not set the " + simulator + " simulator's faults: " + reply.text());
        }
    }

    private static String inject(byte[] edxml, String to) {
        Http.Reply reply = Http.post(stack.portal.axisUrl() + "/inject?to=" + to, edxml,
                Map.of("Content-Type", "application/xml"));
        if (reply.status() != 200) {
            throw new IllegalStateException("inject failed: " + reply.text());
        }
        return reply.json().get("DocID").asText();
    }

    private static String ack(String docId) {
        return Http.get(stack.portal.axisUrl() + "/documents/" + docId, Map.of()).json().path("ack").asText();
    }

    private static List<JsonNode> receivedAtH41(String documentId) {
        return matching(Http.get(stack.portal.axisUrl() + "/agencies/" + H41 + "/received", Map.of()).json(),
                "/DocumentId", documentId);
    }

    private static List<JsonNode> atEoffice(String documentId) {
        return matching(Http.get(stack.portal.eofficeUrl() + "/" + H31 + "/documents", Map.of()).json(),
                "/metadata/documentId", documentId);
    }

    private static List<JsonNode> matching(JsonNode array, String pointer, String value) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(n -> {
            if (value.equals(n.at(pointer).asText())) {
                found.add(n);
            }
        });
        return found;
    }

    /** How many of the received documents the gateway has stored in its queue (its trail in PostgreSQL). */
    private static int taken(List<String> docIds) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.database.jdbcUrl(), Database.USER, Database.PASSWORD);
             PreparedStatement s = c.prepareStatement("""
                     select count(*) from tracked_document d join tracked_message m on m.tracking_id = d.tracking_id
                     where d.direction = 'INCOMING' and m.state <> 'RECEIVED' and d.axis_doc_id = any (?)""")) {
            s.setArray(1, c.createArrayOf("varchar", docIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static byte[] edxml(String from, String number, String to, Path attachment) {
        EdxmlDocument document = new EdxmlDocument(Organ.of(from, "Văn phòng UBND"), List.of(Organ.of(to, "UBND")),
                from + ",2026/11/27," + number + "/UBND-VP", new EdxmlDocument.Code(number, "UBND-VP"),
                new EdxmlDocument.PromulgationInfo("Nghệ An", LocalDate.of(2026, 11, 27)),
                new EdxmlDocument.DocumentType("1", "0", "Công văn"), "Về việc " + number, null,
                new EdxmlDocument.SignerInfo(null, "Phó Chủ tịch", "Nguyễn Văn Bình"), null, List.of(), null, "0",
                List.of(), List.of(new TraceHeader(from, LocalDateTime.of(2026, 11, 27, 9, 0))),
                new EdxmlDocument.Bussiness(null, 0, null, "0", null),
                List.of(EdxmlAttachment.ofFile("cid:a", "cong-van.pdf", "application/pdf", null, attachment)), null,
                List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EdxmlWriter(EdxmlProperties.defaults()).write(document, out,
                EdxmlSigner.fromProperties(EdxmlProperties.defaults().signing()));
        return out.toByteArray();
    }

    private static ObjectNode metadata(String number) {
        ObjectNode m = Http.JSON.createObjectNode();
        m.putObject("from").put("organId", H31);
        m.putArray("to").addObject().put("organId", H41);
        m.putObject("code").put("codeNumber", number).put("codeNotation", "UBND-VP");
        m.putObject("promulgationInfo").put("place", "Hưng Yên").put("promulgationDate", "2026-11-27");
        m.putObject("documentType").put("type", "1");
        m.put("subject", "Về việc " + number);
        m.putObject("signerInfo").put("position", "Phó Chủ tịch").put("fullName", "Nguyễn Văn Bình");
        return m;
    }

    private static Http.Reply post(String apiUrl, JsonNode metadata, Path attachment)
            throws IOException, InterruptedException {
        MultipartBody body = new MultipartBody().text("metadata", "application/json; charset=UTF-8",
                metadata.toString()).file("file", "cong-van.pdf", "application/pdf", attachment);
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/documents"))
                .header("X-API-Key", GatewayProcess.EOFFICE_KEY).header("Content-Type", body.contentType())
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Http.Reply(response.statusCode(), response.body(), response.headers());
    }
}
