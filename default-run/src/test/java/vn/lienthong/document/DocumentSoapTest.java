package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.MTOMFeature;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.document.soap.client.DocumentsPortType;
import vn.lienthong.document.soap.client.DocumentsService;
import vn.lienthong.document.soap.client.GetTracking;
import vn.lienthong.document.soap.client.GetTrackingResponse;
import vn.lienthong.document.soap.client.Organ;
import vn.lienthong.document.soap.client.Problem;
import vn.lienthong.document.soap.client.Refusal;
import vn.lienthong.document.soap.client.RefusalFault;
import vn.lienthong.document.soap.client.ResponseFor;
import vn.lienthong.document.soap.client.SendDocument;
import vn.lienthong.document.soap.client.SendDocumentResponse;
import vn.lienthong.document.soap.client.SendStatus;
import vn.lienthong.document.soap.client.SendStatusResponse;
import vn.lienthong.document.soap.client.StaffInfo;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * The documents' SOAP face ({@code /services/documents}) as an e-office would call it: a CXF client generated from
 * the WSDL (package {@code vn.lienthong.document.soap.client}), reading the WSDL the gateway serves, with MTOM and the
 * API key in the HTTP header; against the gateway whose axis simulator is off (the simulators run on their own).
 */
class DocumentSoapTest extends GatewayTest {

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @AfterEach
    void heal() {
        systems.healthy();
    }

    private String soapUrl() {
        return api.baseUrl() + "/services/documents";
    }

    /** A client as generated from the served WSDL, MTOM on, sending {@code apiKey} (none when null) as X-API-Key. */
    private DocumentsPortType client(String apiKey) {
        DocumentsService service;
        try {
            service = new DocumentsService(URI.create(soapUrl() + "?wsdl").toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        DocumentsPortType port = service.getDocumentsPort(new MTOMFeature());
        Map<String, Object> request = ((BindingProvider) port).getRequestContext();
        request.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, soapUrl());
        if (apiKey != null) {
            request.put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("X-API-Key", List.of(apiKey)));
        }
        return port;
    }

    private static SendDocument document(Path edxml) {
        SendDocument request = new SendDocument();
        request.setEdxml(new DataHandler(new FileDataSource(edxml.toFile())));
        return request;
    }

    private GetTrackingResponse tracking(String trackingId) throws RefusalFault {
        GetTracking request = new GetTracking();
        request.setTrackingId(trackingId);
        return client(EOFFICE_KEY).getTracking(request);
    }

    @Test
    void aDocumentSentWithMtomIsDeliveredToTheAxisAndTrackedOverSoap(@TempDir Path dir) throws Exception {
        // larger than the endpoint's in-memory threshold: CXF spools it to disk, the route streams it from there
        Path pdf = DocumentFixtures.randomFile(dir, "quyet-dinh.pdf", 3 * 1024 * 1024);
        String number = DocumentFixtures.nextNumber();
        String documentId = DocumentFixtures.documentId(H31, number);
        Path edxml = DocumentFixtures.edxmlFile(dir, DocumentFixtures.document(H31, number, List.of(H41),
                List.of(pdf)), false);

        SendDocumentResponse accepted = client(EOFFICE_KEY).sendDocument(document(edxml));

        assertThat(accepted.getStatus()).isEqualTo("ACCEPTED");
        String trackingId = accepted.getTrackingId();
        await().atMost(Duration.ofSeconds(30)).until(() -> tracking(trackingId).getState(), "DELIVERED"::equals);
        JsonNode received = systems.received(H41, documentId).orElseThrow();
        assertThat(received.at("/attachments/0/sha256").asText()).isEqualTo(DocumentFixtures.sha256(pdf));
        assertThat(received.get("signature").asText()).isEqualTo("VALID");

        GetTrackingResponse tracking = tracking(trackingId);
        assertThat(tracking.getKind()).isEqualTo("DOCUMENT");
        assertThat(tracking.getDocumentId()).isEqualTo(documentId);
        assertThat(tracking.getSignatureStatus()).isEqualTo("VALID");
        assertThat(tracking.getAttachment()).singleElement().satisfies(a -> {
            assertThat(a.getName()).isEqualTo("quyet-dinh.pdf");
            assertThat(a.getSize()).isEqualTo(3 * 1024 * 1024);
            assertThat(a.getSha256()).isEqualTo(DocumentFixtures.sha256(pdf));
        });
        assertThat(tracking.getHistory()).extracting(e -> e.getState())
                .containsSubsequence("ACCEPTED", "DELIVERING", "DELIVERED");
        assertThat(tracking.getHistory()).allSatisfy(e -> assertThat(e.getAt()).isNotNull());
    }

    @Test
    void aStatusIsSentToTheDocumentsSenderAndARepeatedIdempotencyKeyAnswersTheFirstTrackingId() throws Exception {
        String aboutTheirs = DocumentFixtures.documentId(H41, DocumentFixtures.nextNumber());
        SendStatus status = new SendStatus();
        Organ from = new Organ();
        from.setOrganId(H31);
        status.setFrom(from);
        ResponseFor about = new ResponseFor();
        about.setOrganId(H41);
        about.setDocumentId(aboutTheirs);
        about.setCode("1/UBND-VP");
        about.setPromulgationDate(javax.xml.datatype.DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-11-27"));
        status.setResponseFor(about);
        status.setStatusCode("03");
        status.setDescription("Đã tiếp nhận và vào sổ");
        StaffInfo staff = new StaffInfo();
        staff.setDepartment("Văn thư");
        staff.setStaff("Lê Văn Cường");
        status.setStaffInfo(staff);
        status.setIdempotencyKey("soap-status-" + aboutTheirs);

        SendStatusResponse first = client(EOFFICE_KEY).sendStatus(status);
        SendStatusResponse again = client(EOFFICE_KEY).sendStatus(status);

        assertThat(first.getStatus()).isEqualTo("ACCEPTED");
        assertThat(again.getTrackingId()).isEqualTo(first.getTrackingId());
        await().atMost(Duration.ofSeconds(20)).until(() -> tracking(first.getTrackingId()).getState(),
                "DELIVERED"::equals);
        assertThat(systems.receivedAll(H41, aboutTheirs)).singleElement()
                .satisfies(r -> assertThat(r.path("StatusCode").asText()).isEqualTo("03"));
        assertThat(tracking(first.getTrackingId()).getKind()).isEqualTo("DOCUMENT_STATUS");
    }

    @Test
    void aWrongOrMissingApiKeyIsAFault401(@TempDir Path dir) {
        Path edxml = DocumentFixtures.edxmlFile(dir, DocumentFixtures.document(H31, DocumentFixtures.nextNumber(),
                List.of(H41), List.of(DocumentFixtures.randomFile(dir, "a.pdf", 1000))), false);

        Refusal wrong = refusal(() -> client("not-a-key").sendDocument(document(edxml)));
        Refusal missing = refusal(() -> tracking(client(null), "any"));

        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getProblem()).extracting(Problem::getMessage).containsExactly("unknown API key");
        assertThat(missing.getStatus()).isEqualTo(401);
        assertThat(missing.getProblem()).extracting(Problem::getMessage).containsExactly("missing X-API-Key header");
    }

    @Test
    void malformedXmlIsAFault400WithItsProblemsAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.edxml"), "<edXML><edXMLEnvelope>not closed",
                StandardCharsets.UTF_8);

        Refusal refusal = refusal(() -> client(EOFFICE_KEY).sendDocument(document(broken)));

        assertThat(refusal.getStatus()).isEqualTo(400);
        assertThat(refusal.getProblem()).isNotEmpty().allSatisfy(p -> assertThat(p.getMessage()).isNotBlank());
        // the fault as it travels: the typed detail, never a Java stack trace
        Http.Reply raw = Http.post(soapUrl(), """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                  <soap:Body><GetTracking xmlns="urn:lienthong:documents:v1"><trackingId>x</trackingId></GetTracking></soap:Body>
                </soap:Envelope>""".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/xml; charset=UTF-8", "X-API-Key", "not-a-key"));
        assertThat(raw.status()).isEqualTo(500);
        assertThat(raw.text()).contains("<faultcode>soap:Client</faultcode>", "<status>401</status>")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDocumentOverTheSizeLimitIsAFault413(@TempDir Path dir) throws Exception {
        // the tests' limit is 20 MB (GatewayTest): a file of 21 MB, streamed by the client, refused by the route
        Path large = dir.resolve("large.edxml");
        try (var out = Files.newOutputStream(large)) {
            byte[] chunk = "<edXML>".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= 21L * 1000 * 1000; written += chunk.length) {
                out.write(chunk);
            }
        }

        Refusal refusal = refusal(() -> client(EOFFICE_KEY).sendDocument(document(large)));

        assertThat(refusal.getStatus()).isEqualTo(413);
    }

    @Test
    void aStatusMissingItsFieldsIsAFault400ListingEveryProblem() {
        SendStatus status = new SendStatus();
        Organ from = new Organ();
        from.setOrganId(H31);
        status.setFrom(from);
        status.setStatusCode("99");

        Refusal refusal = refusal(() -> client(EOFFICE_KEY).sendStatus(status));

        assertThat(refusal.getStatus()).isEqualTo(400);
        assertThat(refusal.getProblem()).extracting(Problem::getPath)
                .contains("/responseFor", "/statusCode");
    }

    @Test
    void theWsdlIsServed() {
        Http.Reply wsdl = Http.get(soapUrl() + "?wsdl", Map.of());

        assertThat(wsdl.status()).isEqualTo(200);
        assertThat(wsdl.text()).contains("urn:lienthong:documents:v1", "SendDocument", "SendStatus", "GetTracking",
                "xmime:expectedContentTypes", soapUrl());
    }

    private GetTrackingResponse tracking(DocumentsPortType port, String trackingId) throws RefusalFault {
        GetTracking request = new GetTracking();
        request.setTrackingId(trackingId);
        return port.getTracking(request);
    }

    private static Refusal refusal(Call call) {
        RefusalFault fault = catchThrowableOfType(RefusalFault.class, call::run);
        assertThat(fault).as("a RefusalFault").isNotNull();
        return fault.getFaultInfo();
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
