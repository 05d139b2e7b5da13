package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;
import static vn.lienthong.document.DocumentFixtures.H54;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;
import vn.lienthong.tracking.TrackingStore;

/**
 * Bad documents from the e-office get a precise 4xx listing the problems, nothing is accepted (no trail, nothing
 * queued), and the gateway stays healthy.
 */
class DocumentRefusalTest extends GatewayTest {

    @Autowired
    TrackingStore tracking;

    private String documents() {
        return api.baseUrl() + "/api/v1/documents";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "wrong-namespace.edxml, namespace",
            "missing-attachment.edxml, attachment",
            "xxe.edxml, DOCTYPE",
            "billion-laughs.edxml, DOCTYPE",
            "external-dtd.edxml, DOCTYPE",
            "bad-business-values.edxml, ''"
    })
    void aHostileOrInvalidFileIsRefusedWithItsProblems(String file, String named) throws IOException {
        byte[] edxml;
        try (InputStream in = getClass().getResourceAsStream("/edxml/" + file)) {
            edxml = in.readAllBytes();
        }
        long before = tracking.count(vn.lienthong.tracking.TrackingState.RECEIVED)
                + tracking.count(vn.lienthong.tracking.TrackingState.ACCEPTED);

        Http.Reply reply = DocumentFixtures.postXml(documents(), EOFFICE_KEY, edxml);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        JsonNode problems = reply.json().get("errors");
        assertThat(problems).isNotEmpty();
        assertThat(problems.toString()).containsIgnoringCase(named);
        assertThat(tracking.count(vn.lienthong.tracking.TrackingState.RECEIVED)
                + tracking.count(vn.lienthong.tracking.TrackingState.ACCEPTED)).isLessThanOrEqualTo(before);
        assertHealthy();
    }

    @Test
    void aFileWithThousandsOfProblemsListsAHundredAndCountsThemAll() {
        String to = "<edXML:To><edXML:OrganId>not an id</edXML:OrganId></edXML:To>";
        String xml = new String(DocumentFixtures.read("/edxml/document.edxml"), StandardCharsets.UTF_8)
                .replaceFirst("<edXML:To>", to.repeat(3000) + "<edXML:To>");

        Http.Reply reply = DocumentFixtures.postXml(documents(), EOFFICE_KEY, xml.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors")).hasSize(100);
        assertThat(reply.json().get("errorCount").asInt()).isEqualTo(3000);
        assertThat(reply.body().length).isLessThan(30_000);
    }

    @Test
    void controlCharactersInValuesBoundForHeadersAreRefused() {
        String xml = new String(DocumentFixtures.read("/edxml/document.edxml"), StandardCharsets.UTF_8)
                .replaceFirst("<edXML:ContentType>application/pdf</edXML:ContentType>",
                        "<edXML:ContentType>application/pdf&#13;&#10;X-Injected: yes</edXML:ContentType>");

        Http.Reply reply = DocumentFixtures.postXml(documents(), EOFFICE_KEY, xml.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("errors").toString()).contains("Reference[1]/ContentType")
                .contains("control character U+000D");
    }

    @Test
    void aMultipartFileNameWithAControlCharacterIsRefusedAndOneWithPathPartsIsStripped(@TempDir Path dir)
            throws IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("a.pdf"), "%PDF");
        String number = DocumentFixtures.nextNumber();
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + DocumentFixtures.metadata(H31, number, H41) + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%%PDF\r\n--" + boundary + "--\r\n";
        Map<String, String> headers = Map.of("Content-Type", "multipart/form-data; boundary=" + boundary,
                "X-API-Key", EOFFICE_KEY);

        Http.Reply control = Http.post(documents(), String.format(body, "a\u0001.pdf")
                .getBytes(StandardCharsets.UTF_8), headers);
        Http.Reply path = Http.post(documents(), String.format(body, "../../etc/cong-van.pdf")
                .getBytes(StandardCharsets.UTF_8), headers);

        assertThat(control.status()).as(control.text()).isEqualTo(400);
        assertThat(control.text()).contains("file[0]").contains("U+0001");
        assertThat(path.status()).as(path.text()).isEqualTo(202);
        assertThat(api.tracking(EOFFICE_KEY, path.json().get("trackingId").asText())
                .at("/document/attachments/0/name").asText()).isEqualTo("cong-van.pdf");
    }

    @Test
    void malformedXmlIsRefused() {
        Http.Reply reply = DocumentFixtures.postXml(documents(), EOFFICE_KEY,
                "<?xml version=\"1.0\"?><edXML><unclosed>".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("errors")).isNotEmpty();
    }

    @Test
    void aTooLargeDocumentIsRefusedWith413() {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        Http.Reply reply = DocumentFixtures.postXml(documents(), EOFFICE_KEY, big);

        assertThat(reply.status()).as(reply.text()).isEqualTo(413);
        assertHealthy();
    }

    @Test
    void anInvalidSignatureIsRefusedUnderTheRejectPolicy(@TempDir Path dir) {
        String number = DocumentFixtures.nextNumber();
        String signed = new String(DocumentFixtures.edxml(DocumentFixtures.document(H31, number, List.of(H41),
                List.of(DocumentFixtures.randomFile(dir, "s.pdf", 3000))), true), StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("Về việc liên thông số " + number, "Về việc đã bị sửa")
                .getBytes(StandardCharsets.UTF_8);

        Http.Reply reply = DocumentFixtures.postXml(documents(), EOFFICE_KEY, tampered);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("errors").toString()).contains("signature is invalid");
    }

    @Test
    void aClientMayOnlySendAsItsOwnOrgan(@TempDir Path dir) {
        Http.Reply reply = DocumentFixtures.postMultipart(documents(), EOFFICE_KEY,
                DocumentFixtures.metadata(H41, DocumentFixtures.nextNumber(), H31),
                List.of(DocumentFixtures.randomFile(dir, "z.pdf", 100)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(403);
    }

    @Test
    void aSenderSignedDocumentToAClosedCodeIsRefusedWithTheCodeToUse(@TempDir Path dir) {
        byte[] signed = DocumentFixtures.edxml(DocumentFixtures.document(H31, DocumentFixtures.nextNumber(),
                List.of(H54), List.of(DocumentFixtures.randomFile(dir, "c.pdf", 100))), true);

        Http.Reply reply = DocumentFixtures.postXml(documents(), EOFFICE_KEY, signed);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.json().get("errors").toString()).contains(H31);
    }

    @Test
    void metadataProblemsAreAllListedWithTheirPaths(@TempDir Path dir) {
        ObjectNode metadata = DocumentFixtures.metadata(H31, DocumentFixtures.nextNumber(), H41);
        metadata.remove("subject");
        ((ObjectNode) metadata.get("promulgationInfo")).put("promulgationDate", "2026-02-30");
        metadata.putArray("attachments").addObject().put("name", "not-sent.pdf");

        Http.Reply reply = DocumentFixtures.postMultipart(documents(), EOFFICE_KEY, metadata,
                List.of(DocumentFixtures.randomFile(dir, "sent.pdf", 100)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        String problems = reply.json().get("errors").toString();
        assertThat(problems).contains("subject").contains("not-sent.pdf");
    }

    @Test
    void anUnknownBodyTypeIs415AndAWrongKeyIs401() {
        Http.Reply text = DocumentFixtures.send(HttpRequest.newBuilder(URI.create(documents()))
                .header("X-API-Key", EOFFICE_KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build());
        Http.Reply anonymous = DocumentFixtures.postXml(documents(), "wrong-key", "<a/>".getBytes());

        assertThat(text.status()).isEqualTo(415);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private void assertHealthy() {
        Http.Reply health = Http.get(api.baseUrl() + "/actuator/health", Map.of());
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }
}
