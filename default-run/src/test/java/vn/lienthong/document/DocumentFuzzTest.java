package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.http.MultipartBody;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;
import vn.lienthong.support.JsonMutations;

/**
 * A bounded, seeded mutation fuzz of the document ingress (the e-office's API): valid document statuses (JSON),
 * multipart documents (metadata + a file) and raw edXML documents, each mutated ({@link JsonMutations} for the JSON,
 * the file part's name, cut or corrupted bytes for the edXML), sent through real HTTP. No answer is a 5xx, the gateway
 * stays healthy, and every message answered 202 reaches an end: delivered (the document axis simulator holds it under
 * the DocID tracking names) or refused by the axis or parked, with its reason.
 */
class DocumentFuzzTest extends GatewayTest {

    private static final long SEED = 20261203L;
    private static final int MUTATIONS = 2000;
    private static final Set<String> FINAL = Set.of("DELIVERED", "REJECTED_BY_AXIS", "DEAD_LETTERED");

    private final Random random = new Random(SEED);
    private final JsonMutations mutations = new JsonMutations(random);
    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @Test
    void mutatedDocumentsAreAnsweredBelow500AndEveryAcceptedOneArrivesOrIsParkedWithItsReason(@TempDir Path dir)
            throws IOException {
        Path pdf = Files.writeString(dir.resolve("cong-van.pdf"), "%PDF-1.7 văn bản");
        byte[] edxml = DocumentFixtures.edxml(DocumentFixtures.document(H31, "1", List.of(H41), List.of(pdf)), false);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        Map<String, String> accepted = new HashMap<>(); // tracking id -> the client key that may read it
        for (int i = 0; i < MUTATIONS; i++) {
            String number = DocumentFixtures.nextNumber();
            int shape = random.nextInt(5);
            Http.Reply reply = shape < 2 ? postStatus(number) : shape < 4 ? postMultipart(number, pdf)
                    : postEdxml(edxml, number);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() >= 500) {
                serverErrors.add(reply.status() + " " + reply.text());
            } else if (reply.status() == 202) {
                accepted.put(reply.json().path("trackingId").asText(), EOFFICE_KEY);
            }
        }
        System.out.println("document fuzz (seed " + SEED + "): " + MUTATIONS + " mutations, statuses " + statuses
                + ", " + accepted.size() + " accepted");

        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(Http.get(api.baseUrl() + "/actuator/health", Map.of()).json().path("status").asText())
                .isEqualTo("UP");
        Map<String, Integer> outcomes = new TreeMap<>();
        api.awaitStates(accepted, FINAL, Duration.ofSeconds(60)).forEach((trackingId, record) -> {
            String state = record.path("state").asText();
            outcomes.merge(state, 1, Integer::sum);
            if (state.equals("DELIVERED")) {
                String docId = record.at("/document/axisDocId").asText();
                assertThat(Http.get(portal.axisUrl() + "/documents/" + docId, Map.of()).status())
                        .as("%s is at the axis as %s", trackingId, docId).isEqualTo(200);
            } else {
                JsonNode history = record.path("history");
                assertThat(history.get(history.size() - 1).path("detail").asText())
                        .as("%s (%s) says why", trackingId, state).isNotBlank();
            }
        });
        System.out.println("document fuzz: outcomes of the accepted messages " + outcomes);
        assertThat(outcomes.keySet()).isSubsetOf(FINAL);
    }

    private Http.Reply postStatus(String number) {
        ObjectNode status = Http.JSON.createObjectNode();
        status.putObject("from").put("organId", H31).put("organName", "Văn phòng UBND tỉnh");
        status.putObject("responseFor").put("organId", H41).put("code", number + "/UBND-VP")
                .put("promulgationDate", "2026-11-27").put("documentId", DocumentFixtures.documentId(H41, number));
        status.put("statusCode", "03").put("description", "Đã tiếp nhận và vào sổ");
        status.putObject("staffInfo").put("department", "Văn thư").put("staff", "Lê Văn Cường");
        return api.post("/api/v1/documents/status", EOFFICE_KEY, mutations.mutate(status), null);
    }

    private Http.Reply postMultipart(String number, Path pdf) {
        ObjectNode metadata = DocumentFixtures.metadata(H31, number, H41);
        metadata.putArray("attachments").addObject().put("name", "cong-van.pdf").put("contentType", "application/pdf")
                .put("description", "Văn bản");
        String fileName = random.nextInt(4) == 0 ? mutations.randomText() + ".pdf" : "cong-van.pdf";
        MultipartBody body = new MultipartBody()
                .text("metadata", "application/json; charset=UTF-8",
                        new String(mutations.mutate(metadata), StandardCharsets.UTF_8))
                .file("file", fileName, "application/pdf", pdf);
        return DocumentFixtures.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/documents"))
                .header("X-API-Key", EOFFICE_KEY).header("Content-Type", body.contentType())
                .POST(body.publisher()).build());
    }

    /** The edXML of document "1" made document {@code number}, then one to three bytes cut, changed or put in. */
    private Http.Reply postEdxml(byte[] edxml, String number) {
        byte[] mutated = new String(edxml, StandardCharsets.UTF_8)
                .replace("<edXML:CodeNumber>1<", "<edXML:CodeNumber>" + number + "<")
                .replace(",2026/11/27,1/UBND-VP", ",2026/11/27," + number + "/UBND-VP")
                .getBytes(StandardCharsets.UTF_8);
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            mutated = mutations.mutateBytes(mutated);
        }
        return DocumentFixtures.postXml(api.baseUrl() + "/api/v1/documents", EOFFICE_KEY, mutated);
    }
}
