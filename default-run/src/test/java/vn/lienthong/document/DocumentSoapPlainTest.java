package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * The documents' SOAP face as a plain SOAP client (or curl) speaks it: a {@code text/xml} request is answered in
 * plain SOAP, not MTOM; every client mistake is a {@code soap:Client} fault, never {@code soap:Server}.
 */
class DocumentSoapPlainTest extends GatewayTest {

    private static final String ENVELOPE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body>%s</soap:Body></soap:Envelope>";

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    private String soapUrl() {
        return api.baseUrl() + "/services/documents";
    }

    @Test
    void aPlainSoapRequestIsAnsweredInPlainSoap() {
        String number = DocumentFixtures.nextNumber();
        byte[] edxml = DocumentFixtures.edxml(DocumentFixtures.document(H31, number, List.of(H41), List.of()), false);
        String call = "<SendDocument xmlns=\"urn:lienthong:documents:v1\"><edxml>"
                + Base64.getEncoder().encodeToString(edxml) + "</edxml></SendDocument>";

        Http.Reply reply = plain(String.format(ENVELOPE, call));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/xml");
        assertThat(reply.text()).startsWith("<soap:Envelope").contains("<status>ACCEPTED</status>")
                .doesNotContain("--uuid:").doesNotContain("xop:Include");
        await().atMost(Duration.ofSeconds(20)).until(() -> systems.received(H41,
                DocumentFixtures.documentId(H31, number)).isPresent());

        Http.Reply fault = plain(String.format(ENVELOPE, "<GetTracking xmlns=\"urn:lienthong:documents:v1\">"
                + "<trackingId>no-such-id</trackingId></GetTracking>"));
        assertThat(fault.header("Content-Type")).startsWith("text/xml");
        assertThat(fault.text()).contains("<faultcode>soap:Client</faultcode>", "<status>404</status>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an empty Body                  | ",
            "an operation the service lacks | <Unknown xmlns=\"urn:lienthong:documents:v1\"/>",
            "an invalid character reference | <GetTracking xmlns=\"urn:lienthong:documents:v1\"><trackingId>a&#x1;b</trackingId></GetTracking>",
            "a body that does not bind      | <GetTracking xmlns=\"urn:lienthong:documents:v1\"><trackingId><x/></trackingId></GetTracking>"})
    void aClientMistakeIsASoapClientFault(String mistake, String body) {
        Http.Reply reply = plain(String.format(ENVELOPE, body == null ? "" : body));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.header("Content-Type")).startsWith("text/xml");
        assertThat(reply.text()).as(mistake).contains("<faultcode>soap:Client</faultcode>")
                .doesNotContain("soap:Server").doesNotContain("\tat ");
    }

    @Test
    void aMissingMtomPartIsASoapClientFault() {
        String boundary = "MIMEBoundary_lienthong";
        String root = String.format(ENVELOPE, "<SendDocument xmlns=\"urn:lienthong:documents:v1\"><edxml>"
                + "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:missing@lienthong\"/>"
                + "</edxml></SendDocument>");
        String body = "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root@lienthong>\r\n\r\n" + root + "\r\n--"
                + boundary + "--\r\n";

        Http.Reply reply = Http.post(soapUrl(), body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type",
                "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                        + "\"; start=\"<root@lienthong>\"; start-info=\"text/xml\"", "X-API-Key", EOFFICE_KEY));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.text()).contains("<faultcode>soap:Client</faultcode>").doesNotContain("soap:Server");
    }

    private Http.Reply plain(String envelope) {
        return Http.post(soapUrl(), envelope.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/xml; charset=UTF-8", "X-API-Key", EOFFICE_KEY));
    }
}
