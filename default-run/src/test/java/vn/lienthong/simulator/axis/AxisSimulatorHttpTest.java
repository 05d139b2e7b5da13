package vn.lienthong.simulator.axis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.simulator.axis.AxisEdxmlFiles.HUNG_YEN;
import static vn.lienthong.simulator.axis.AxisEdxmlFiles.NGHE_AN;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.WebServiceException;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.spring.boot.autoconfigure.CxfAutoConfiguration;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.axis.knobstick.GetKnobstickRequest;
import vn.lienthong.axis.knobstick.GetKnobstickResponse;
import vn.lienthong.axis.knobstick.GetSessionTokenRequest;
import vn.lienthong.axis.knobstick.GetSessionTokenResponse;
import vn.lienthong.axis.knobstick.KnobstickInfo;
import vn.lienthong.axis.knobstick.KnobstickPortType;
import vn.lienthong.axis.knobstick.KnobstickStatus;
import vn.lienthong.axis.knobstick.ListAgencyRequest;
import vn.lienthong.axis.knobstick.ListAgencyResponse;
import vn.lienthong.axis.knobstick.MessageType;
import vn.lienthong.axis.knobstick.ReceiveKnobsticksRequest;
import vn.lienthong.axis.knobstick.ReceiveKnobsticksResponse;
import vn.lienthong.axis.knobstick.ResultStatus;
import vn.lienthong.axis.knobstick.SendKnobstickRequest;
import vn.lienthong.axis.knobstick.SendKnobstickResponse;
import vn.lienthong.axis.knobstick.UpdateKnobstickStatusRequest;
import vn.lienthong.axis.knobstick.UpdateKnobstickStatusResponse;
import vn.lienthong.edxml.EdxmlDocument;

/**
 * The simulated axis over real HTTP on a random port, with Tomcat's multipart handling and the CXF servlet: the SOAP
 * transport through a real CXF client with MTOM, and a 10 MiB attachment through the JSON transport.
 */
class AxisSimulatorHttpTest {

    private static final String NGHEAN = "nghean";
    private static final String NGHEAN_SECRET = "nghean-secret";

    @TempDir
    static Path dir;
    private static ConfigurableApplicationContext simulator;
    private static String base;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** The simulator as the application serves it: MVC, multipart, the CXF servlet, nothing of the gateway. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            MultipartAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
            PropertyPlaceholderAutoConfiguration.class, CxfAutoConfiguration.class})
    @Import({AxisSimulatorConfiguration.class, AxisKnobstickConfiguration.class})
    static class SimulatorApplication {
    }

    @BeforeAll
    static void startSimulator() {
        simulator = new SpringApplicationBuilder(SimulatorApplication.class)
                .web(WebApplicationType.SERVLET)
                // arguments, not default properties: nothing of the gateway's application.yaml (port 8080) applies
                .run("--spring.config.name=axis-simulator-test", "--server.port=0", "--server.address=127.0.0.1",
                        "--spring.servlet.multipart.max-file-size=100MB",
                        "--spring.servlet.multipart.max-request-size=100MB",
                        "--lienthong.simulator.axis.store-directory=" + dir.resolve("axis"),
                        "--lienthong.simulator.axis.systems[0].system-id=lienthong",
                        "--lienthong.simulator.axis.systems[0].secret=dev-axis-secret",
                        "--lienthong.simulator.axis.systems[0].organ-ids=" + HUNG_YEN + "," + AxisEdxmlFiles.THAI_BINH,
                        "--lienthong.simulator.axis.systems[1].system-id=" + NGHEAN,
                        "--lienthong.simulator.axis.systems[1].secret=" + NGHEAN_SECRET,
                        "--lienthong.simulator.axis.systems[1].organ-ids=" + NGHE_AN);
        base = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) simulator).getWebServer().getPort();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void emptyMailboxesAndNoFaults() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(base + "/sim/axis/faults")).PUT(BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build(), BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(URI.create(base + "/sim/axis/mailboxes")).DELETE().build(),
                BodyHandlers.discarding());
    }

    // ---- SOAP ----

    @Test
    void aKnobstickSentOverSoapIsReceivedFetchedAndAcknowledgedWithMtomBothWays() throws Exception {
        List<String> requestTypes = new CopyOnWriteArrayList<>();
        List<String> responseTypes = new CopyOnWriteArrayList<>();
        KnobstickPortType gateway = soapClient(requestTypes, responseTypes);
        KnobstickPortType ngheAn = soapClient(responseTypes);
        String gatewayToken = token(gateway, "lienthong", "dev-axis-secret");
        String ngheAnToken = token(ngheAn, NGHEAN, NGHEAN_SECRET);
        byte[] edxml = AxisEdxmlFiles.document(dir, HUNG_YEN, List.of(NGHE_AN), 501, "gửi qua SOAP");

        SendKnobstickRequest send = new SendKnobstickRequest();
        send.setToken(gatewayToken);
        send.setMessageType(MessageType.EDOC);
        send.setEdxml(new DataHandler(new jakarta.activation.DataSource() {
            public InputStream getInputStream() {
                return new java.io.ByteArrayInputStream(edxml);
            }

            public java.io.OutputStream getOutputStream() {
                throw new UnsupportedOperationException();
            }

            public String getContentType() {
                return "application/octet-stream";
            }

            public String getName() {
                return "document.edxml";
            }
        }));
        requestTypes.clear();
        SendKnobstickResponse sent = gateway.sendKnobstick(send);
        assertThat(requestTypes).singleElement().asString()
                .startsWith("multipart/related").contains("application/xop+xml");
        assertThat(sent.getStatus()).as(sent.getErrorDesc()).isEqualTo(ResultStatus.OK);
        assertThat(sent.getErrorCode()).isEqualTo("0");
        String docId = sent.getDocID();

        ReceiveKnobsticksRequest receive = new ReceiveKnobsticksRequest();
        receive.setToken(ngheAnToken);
        ReceiveKnobsticksResponse pending = ngheAn.receiveKnobsticks(receive);
        assertThat(pending.getKnobstick()).extracting(KnobstickInfo::getDocID).containsExactly(docId);
        KnobstickInfo info = pending.getKnobstick().get(0);
        assertThat(info.getFromOrganId()).isEqualTo(HUNG_YEN);
        assertThat(info.getToOrganId()).isEqualTo(NGHE_AN);
        assertThat(info.getMessageType()).isEqualTo(MessageType.EDOC);
        assertThat(info.getDocumentId()).isEqualTo(AxisEdxmlFiles.documentId(HUNG_YEN, 501));

        GetKnobstickRequest get = new GetKnobstickRequest();
        get.setToken(ngheAnToken);
        get.setDocID(docId);
        responseTypes.clear();
        GetKnobstickResponse fetched = ngheAn.getKnobstick(get);
        assertThat(fetched.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(readAll(fetched.getEdxml())).isEqualTo(edxml);
        assertThat(responseTypes).singleElement().asString()
                .startsWith("multipart/related").contains("application/xop+xml");

        UpdateKnobstickStatusRequest update = new UpdateKnobstickStatusRequest();
        update.setToken(ngheAnToken);
        update.setDocID(docId);
        update.setStatus(KnobstickStatus.DONE);
        UpdateKnobstickStatusResponse updated = ngheAn.updateKnobstickStatus(update);
        assertThat(updated.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(ngheAn.receiveKnobsticks(receive).getKnobstick()).isEmpty();

        // one store for both transports: the JSON admin view shows the SOAP-sent file and its acknowledgement
        JsonNode record = getJson("/sim/axis/documents/" + docId);
        assertThat(record.get("sha256").textValue()).isEqualTo(AxisEdxmlFiles.sha256(edxml));
        assertThat(record.get("deliveries").get(0).get("ack").textValue()).isEqualTo("done");
    }

    @Test
    void soapCallsNeedAValidTokenAndListTheAgencies() {
        KnobstickPortType client = soapClient(new CopyOnWriteArrayList<>());
        GetSessionTokenRequest wrong = new GetSessionTokenRequest();
        wrong.setSystemId("lienthong");
        wrong.setSecret("wrong");
        GetSessionTokenResponse refused = client.getSessionToken(wrong);
        assertThat(refused.getStatus()).isEqualTo(ResultStatus.FAIL);
        assertThat(refused.getErrorCode()).isEqualTo("401");
        assertThat(refused.getToken()).isNull();

        ListAgencyRequest noToken = new ListAgencyRequest();
        noToken.setToken("made-up");
        ListAgencyResponse unauthorised = client.listAgency(noToken);
        assertThat(unauthorised.getStatus()).isEqualTo(ResultStatus.FAIL);
        assertThat(unauthorised.getErrorCode()).isEqualTo("401");

        ListAgencyRequest list = new ListAgencyRequest();
        list.setToken(token(client, "lienthong", "dev-axis-secret"));
        ListAgencyResponse agencies = client.listAgency(list);
        assertThat(agencies.getStatus()).isEqualTo(ResultStatus.OK);
        assertThat(agencies.getAgency()).hasSize(6);
        assertThat(agencies.getAgency().get(1).getOrganId()).isEqualTo(AxisEdxmlFiles.THAI_BINH);
        assertThat(agencies.getAgency().get(1).isActive()).isFalse();
    }

    @Test
    void aDownAxisFailsSoapCallsWithHttp503ButStillServesItsWsdl() throws Exception {
        KnobstickPortType client = soapClient(new CopyOnWriteArrayList<>());
        String token = token(client, "lienthong", "dev-axis-secret");
        http.send(HttpRequest.newBuilder(URI.create(base + "/sim/axis/faults"))
                .PUT(BodyPublishers.ofString("{\"down\":true}")).header("Content-Type", "application/json").build(),
                BodyHandlers.discarding());

        ListAgencyRequest list = new ListAgencyRequest();
        list.setToken(token);
        assertThatThrownBy(() -> client.listAgency(list)).isInstanceOf(WebServiceException.class)
                .rootCause().hasMessageContaining("503");
        HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create(base + "/services/sim/axis?wsdl"))
                .build(), BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("urn:lienthong:sim:axis:knobstick").contains("SendKnobstick");
    }

    // ---- a large file through the JSON transport ----

    @Test
    void aTenMebibyteAttachmentIsStreamedThroughAndKeepsItsSha256() throws Exception {
        byte[] content = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(content);
        Path attachment = Files.write(dir.resolve("big.bin"), content);
        Path edxml = dir.resolve("big.edxml");
        EdxmlDocument document = AxisEdxmlFiles.document(HUNG_YEN, List.of(NGHE_AN), 777, attachment);
        AxisEdxmlFiles.write(document, edxml);
        String fileSha256 = AxisEdxmlFiles.sha256(edxml);

        String boundary = "axis-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"header\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"servicetype\":\"eDoc\",\"messagetype\":\"edoc\"}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.edxml\"\r\n"
                + "Content-Type: application/xml\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpResponse<byte[]> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/sim/axis/sendEdoc"))
                .header("systemid", "lienthong").header("secret", "dev-axis-secret")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(BodyPublishers.ofString(head), BodyPublishers.ofFile(edxml),
                        BodyPublishers.ofString(tail)))
                .build(), BodyHandlers.ofByteArray());
        JsonNode answer = mapper.readTree(sent.body());
        assertThat(answer.get("status").textValue()).as(answer.toString()).isEqualTo("OK");
        String docId = answer.get("DocID").textValue();

        JsonNode record = getJson("/sim/axis/documents/" + docId);
        assertThat(record.get("size").longValue()).isEqualTo(Files.size(edxml));
        assertThat(record.get("sha256").textValue()).isEqualTo(fileSha256);
        assertThat(record.get("attachments").get(0).get("size").longValue()).isEqualTo(content.length);
        assertThat(record.get("attachments").get(0).get("sha256").textValue())
                .isEqualTo(AxisEdxmlFiles.sha256(content));

        Path fetched = dir.resolve("fetched.edxml");
        HttpResponse<Path> file = http.send(HttpRequest.newBuilder(URI.create(base + "/sim/axis/getEdoc"))
                .header("systemid", NGHEAN).header("secret", NGHEAN_SECRET).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"DocID\":\"" + docId + "\"}")).build(), BodyHandlers.ofFile(fetched));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(AxisEdxmlFiles.sha256(fetched)).isEqualTo(fileSha256);
    }

    @Test
    void injectReadsTheBodyEvenWhenCurlSendsItAsAForm() throws Exception {
        byte[] edxml = AxisEdxmlFiles.document(dir, NGHE_AN, List.of(HUNG_YEN), 601, "gửi từ Nghệ An");

        // what curl --data-binary @file.edxml sends: Content-Type application/x-www-form-urlencoded
        HttpResponse<byte[]> injected = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/sim/axis/inject?to=" + AxisEdxmlFiles.THAI_BINH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofByteArray(edxml)).build(), BodyHandlers.ofByteArray());

        JsonNode answer = mapper.readTree(injected.body());
        assertThat(injected.statusCode()).as(answer.toString()).isEqualTo(200);
        JsonNode received = getJson("/sim/axis/agencies/" + AxisEdxmlFiles.THAI_BINH + "/received");
        assertThat(received.get(0).get("DocID").textValue()).isEqualTo(answer.get("DocID").textValue());
        assertThat(received.get(0).get("sha256").textValue()).isEqualTo(AxisEdxmlFiles.sha256(edxml));
    }

    @Test
    void aPlainSoapRequestIsAnsweredInPlainSoapAndAnEmptyBodyIsAClientFault() throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>%s"
                + "</soap:Body></soap:Envelope>";
        String token = String.format(envelope, "<GetSessionTokenRequest xmlns=\"urn:lienthong:sim:axis:knobstick\">"
                + "<SystemId>" + NGHEAN + "</SystemId><Secret>" + NGHEAN_SECRET + "</Secret></GetSessionTokenRequest>");

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base + "/services/sim/axis"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"GetSessionToken\"")
                .POST(BodyPublishers.ofString(token)).build(), BodyHandlers.ofString());
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create(base + "/services/sim/axis"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(BodyPublishers.ofString(String.format(envelope, ""))).build(), BodyHandlers.ofString());

        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(plain.body()).startsWith("<soap:Envelope").contains("<Token>").doesNotContain("--uuid:");
        assertThat(empty.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(empty.body()).contains("<faultcode>soap:Client</faultcode>");
    }

    // ---- helpers ----

    private KnobstickPortType soapClient(List<String> responseContentTypes) {
        return soapClient(new CopyOnWriteArrayList<>(), responseContentTypes);
    }

    /** A CXF client as the gateway will build one, recording the Content-Type of each request and response. */
    private KnobstickPortType soapClient(List<String> requestContentTypes, List<String> responseContentTypes) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(KnobstickPortType.class);
        factory.setAddress(base + "/services/sim/axis");
        factory.setProperties(Map.of(Message.MTOM_ENABLED, Boolean.TRUE));
        factory.getInInterceptors().add(new AbstractPhaseInterceptor<Message>(Phase.RECEIVE) {
            @Override
            public void handleMessage(Message message) throws Fault {
                responseContentTypes.add(String.valueOf(message.get(Message.CONTENT_TYPE)));
            }
        });
        factory.getOutInterceptors().add(new AbstractPhaseInterceptor<Message>(Phase.WRITE_ENDING) {
            @Override
            public void handleMessage(Message message) throws Fault {
                requestContentTypes.add(String.valueOf(message.get(Message.CONTENT_TYPE)));
            }
        });
        KnobstickPortType port = (KnobstickPortType) factory.create();
        ((HTTPConduit) org.apache.cxf.frontend.ClientProxy.getClient(port).getConduit()).getClient()
                .setReceiveTimeout(30_000);
        return port;
    }

    private static String token(KnobstickPortType client, String systemId, String secret) {
        GetSessionTokenRequest request = new GetSessionTokenRequest();
        request.setSystemId(systemId);
        request.setSecret(secret);
        GetSessionTokenResponse response = client.getSessionToken(request);
        assertThat(response.getStatus()).as(response.getErrorDesc()).isEqualTo(ResultStatus.OK);
        assertThat(response.getExpiresAt()).isNotNull();
        return response.getToken();
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return mapper.readTree(response.body());
    }

    private static byte[] readAll(DataHandler handler) throws Exception {
        try (InputStream in = handler.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
