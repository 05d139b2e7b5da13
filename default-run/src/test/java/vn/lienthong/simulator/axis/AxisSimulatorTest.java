package vn.lienthong.simulator.axis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static vn.lienthong.simulator.axis.AxisEdxmlFiles.BO_NOI_VU;
import static vn.lienthong.simulator.axis.AxisEdxmlFiles.HUNG_YEN;
import static vn.lienthong.simulator.axis.AxisEdxmlFiles.NGHE_AN;
import static vn.lienthong.simulator.axis.AxisEdxmlFiles.THAI_BINH;
import static vn.lienthong.simulator.axis.AxisEdxmlFiles.THANH_HOA;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.simulator.axis.AxisSimulatorProperties.ConnectedSystem;

/** The simulated document axis through its JSON/HTTP transport and admin endpoints, without the rest of the gateway. */
class AxisSimulatorTest {

    private static final String LIENTHONG = "lienthong";
    private static final String LIENTHONG_SECRET = "dev-axis-secret";
    private static final String NGHEAN = "nghean";
    private static final String NGHEAN_SECRET = "nghean-secret";

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;
    private Path store;
    private AxisMailboxes mailboxes;
    private MockMvc mvc;
    private int number;

    @BeforeEach
    void start() {
        store = dir.resolve("not/yet/created/axis");
        startAxis();
    }

    @AfterEach
    void stop() {
        mailboxes.close();
    }

    // ---- sending: where a file goes ----

    @Test
    void aDocumentSentByTheGatewayLandsInTheMailboxOfEachToOrgan() throws Exception {
        byte[] edxml = document(HUNG_YEN, List.of(NGHE_AN, BO_NOI_VU), "công văn gửi Nghệ An");

        Answer sent = sendEdoc(LIENTHONG, LIENTHONG_SECRET, edxml, "edoc");

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(sent.json().get("status").textValue()).isEqualTo("OK");
        assertThat(sent.json().get("ErrorCode").textValue()).isEqualTo("0");
        assertThat(sent.json().get("ErrorDesc").textValue()).isEmpty();
        String docId = sent.json().get("DocID").textValue();
        assertThat(docId).matches("[0-9a-f-]{36}");
        for (String organ : List.of(NGHE_AN, BO_NOI_VU)) {
            JsonNode received = admin(get("/sim/axis/agencies/" + organ + "/received")).json();
            assertThat(received).hasSize(1);
            JsonNode record = received.get(0);
            assertThat(record.get("DocID").textValue()).isEqualTo(docId);
            assertThat(record.get("messagetype").textValue()).isEqualTo("edoc");
            assertThat(record.get("FromOrganId").textValue()).isEqualTo(HUNG_YEN);
            assertThat(record.get("ToOrganId").textValue()).isEqualTo(organ);
            assertThat(record.get("DocumentId").textValue()).isEqualTo(AxisEdxmlFiles.documentId(HUNG_YEN, number));
            assertThat(record.get("sha256").textValue()).isEqualTo(AxisEdxmlFiles.sha256(edxml));
            assertThat(record.get("size").longValue()).isEqualTo(edxml.length);
            assertThat(record.get("ack").textValue()).isEqualTo("pending");
            assertThat(record.get("ackReason").isNull()).isTrue();
            assertThat(record.get("sentBy").textValue()).isEqualTo(LIENTHONG);
            assertThat(record.get("signature").textValue()).isEqualTo("ABSENT");
            JsonNode attachment = record.get("attachments").get(0);
            assertThat(attachment.get("name").textValue()).isEqualTo("Công văn " + number + ".txt");
            assertThat(attachment.get("size").longValue()).isEqualTo(utf8("công văn gửi Nghệ An").length);
            assertThat(attachment.get("sha256").textValue())
                    .isEqualTo(AxisEdxmlFiles.sha256(utf8("công văn gửi Nghệ An")));
        }
        assertThat(admin(get("/sim/axis/agencies/" + HUNG_YEN + "/received")).json()).isEmpty();
        JsonNode tracked = admin(get("/sim/axis/documents/" + docId)).json();
        assertThat(tracked.get("ToOrganIds").toString()).isEqualTo("[\"" + NGHE_AN + "\",\"" + BO_NOI_VU + "\"]");
        assertThat(tracked.get("ack").textValue()).isEqualTo("pending");

        call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "{\"DocID\":\"" + docId + "\",\"status\":\"done\"}");

        tracked = admin(get("/sim/axis/documents/" + docId)).json();
        assertThat(tracked.get("ack").textValue()).isEqualTo("mixed");
        assertThat(tracked.get("deliveries").findValuesAsText("ack")).containsExactly("done", "pending");
        assertThat(admin(get("/sim/axis/agencies/" + BO_NOI_VU + "/received")).json().get(0).get("ack").textValue())
                .isEqualTo("pending");
    }

    @Test
    void theReceiverListsFetchesTheExactFileAndAcknowledgesItDone() throws Exception {
        byte[] first = document(HUNG_YEN, List.of(NGHE_AN), "một");
        byte[] second = document(HUNG_YEN, List.of(NGHE_AN), "hai");
        String firstId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, first, "edoc"));
        String secondId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, second, "edoc"));

        JsonNode list = call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{\"messagetype\":\"edoc\"}").json();
        assertThat(list.get("status").textValue()).isEqualTo("OK");
        assertThat(docIds(list)).containsExactly(firstId, secondId); // oldest first
        JsonNode item = list.get("data").get(0);
        assertThat(item.get("FromOrganId").textValue()).isEqualTo(HUNG_YEN);
        assertThat(item.get("ToOrganId").textValue()).isEqualTo(NGHE_AN);
        assertThat(item.get("messagetype").textValue()).isEqualTo("edoc");
        assertThat(item.get("DocumentId").textValue()).isEqualTo(AxisEdxmlFiles.documentId(HUNG_YEN, number - 1));
        assertThat(item.get("created").textValue()).endsWith("+07:00");

        Answer file = call(NGHEAN, NGHEAN_SECRET, "/getEdoc", "{\"DocID\":\"" + firstId + "\"}");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/xml");
        assertThat(file.raw()).isEqualTo(first);

        Answer done = call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "{\"DocID\":\"" + firstId + "\",\"status\":\"done\"}");
        assertThat(done.json().get("status").textValue()).isEqualTo("OK");
        assertThat(docIds(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}").json()))
                .containsExactly(secondId);
        JsonNode record = admin(get("/sim/axis/documents/" + firstId)).json();
        assertThat(record.get("ack").textValue()).isEqualTo("done");
        assertThat(record.get("deliveries").get(0).get("ack").textValue()).isEqualTo("done");
        assertThat(record.get("deliveries").get(0).get("OrganId").textValue()).isEqualTo(NGHE_AN);
        assertThat(record.get("ToOrganIds").get(0).textValue()).isEqualTo(NGHE_AN);
        // a done file can still be fetched again
        assertThat(call(NGHEAN, NGHEAN_SECRET, "/getEdoc", "{\"DocID\":\"" + firstId + "\"}").raw()).isEqualTo(first);
    }

    @Test
    void failIsFinalLeavesTheListAndTellsTheSenderWhy() throws Exception {
        String docId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(NGHE_AN), "x"), "edoc"));

        Answer processing = call(NGHEAN, NGHEAN_SECRET, "/updateStatus",
                "{\"DocID\":\"" + docId + "\",\"status\":\"processing\"}");
        assertThat(processing.json().get("status").textValue()).isEqualTo("OK");
        assertThat(docIds(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}").json())).containsExactly(docId);

        Answer fail = call(NGHEAN, NGHEAN_SECRET, "/updateStatus",
                "{\"DocID\":\"" + docId + "\",\"status\":\"fail\",\"reason\":\"chữ ký không hợp lệ\"}");
        assertThat(fail.json().get("status").textValue()).isEqualTo("OK");
        assertThat(docIds(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}").json())).isEmpty();

        JsonNode sent = call(LIENTHONG, LIENTHONG_SECRET, "/getSentEdocList", "{}").json();
        assertThat(sent.get("data")).hasSize(1);
        assertThat(sent.get("data").get(0).get("ack").textValue()).isEqualTo("fail");
        assertThat(sent.get("data").get(0).get("ackReason").textValue()).isEqualTo("chữ ký không hợp lệ");

        Answer again = call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "{\"DocID\":\"" + docId + "\",\"status\":\"fail\"}");
        assertThat(again.json().get("status").textValue()).isEqualTo("OK"); // the same final state: idempotent
        Answer change = call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "{\"DocID\":\"" + docId + "\",\"status\":\"done\"}");
        assertFail(change, "409");
        JsonNode record = admin(get("/sim/axis/agencies/" + NGHE_AN + "/received")).json().get(0);
        assertThat(record.get("ack").textValue()).isEqualTo("fail");
        assertThat(record.get("ackReason").textValue()).isEqualTo("chữ ký không hợp lệ");
    }

    @Test
    void updateStatusRefusesWhatItCannotDo() throws Exception {
        String docId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(NGHE_AN), "x"), "edoc"));

        assertFail(call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "{\"DocID\":\"" + docId + "\",\"status\":\"read\"}"),
                "400");
        assertFail(call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "{\"status\":\"done\"}"), "400");
        assertFail(call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "{\"DocID\":\"nope\",\"status\":\"done\"}"), "404");
        // the sender cannot acknowledge for the recipient
        assertFail(call(LIENTHONG, LIENTHONG_SECRET, "/updateStatus",
                "{\"DocID\":\"" + docId + "\",\"status\":\"done\"}"), "404");
        assertFail(call(NGHEAN, NGHEAN_SECRET, "/updateStatus",
                "{\"DocID\":\"" + docId + "\",\"status\":\"done\",\"OrganId\":\"" + HUNG_YEN + "\"}"), "403");
        assertFail(call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "not json"), "400");
        assertThat(docIds(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}").json())).containsExactly(docId);
    }

    @Test
    void aStatusMessageGoesBackToTheOrganThatSentTheDocument() throws Exception {
        String documentDocId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET,
                document(HUNG_YEN, List.of(NGHE_AN), "x"), "edoc"));
        byte[] status = AxisEdxmlFiles.status(NGHE_AN, HUNG_YEN, number, StatusCode.REGISTERED);

        String statusDocId = docId(sendEdoc(NGHEAN, NGHEAN_SECRET, status, "status"));

        JsonNode statuses = call(LIENTHONG, LIENTHONG_SECRET, "/getReceivedEdocList",
                "{\"messagetype\":\"status\"}").json();
        assertThat(docIds(statuses)).containsExactly(statusDocId);
        JsonNode item = statuses.get("data").get(0);
        assertThat(item.get("FromOrganId").textValue()).isEqualTo(NGHE_AN);
        assertThat(item.get("ToOrganId").textValue()).isEqualTo(HUNG_YEN);
        assertThat(item.get("messagetype").textValue()).isEqualTo("status");
        assertThat(item.get("DocumentId").textValue()).isEqualTo(AxisEdxmlFiles.documentId(HUNG_YEN, number));
        assertThat(docIds(call(LIENTHONG, LIENTHONG_SECRET, "/getReceivedEdocList",
                "{\"messagetype\":\"edoc\"}").json())).isEmpty();
        assertThat(docIds(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{\"messagetype\":\"status\"}").json()))
                .isEmpty();
        assertThat(admin(get("/sim/axis/documents/" + statusDocId)).json().get("StatusCode").textValue())
                .isEqualTo("03");
        assertThat(call(LIENTHONG, LIENTHONG_SECRET, "/getEdoc", "{\"DocID\":\"" + statusDocId + "\"}").raw())
                .isEqualTo(status);
        assertThat(documentDocId).isNotEqualTo(statusDocId);
    }

    @Test
    void aStatusAboutADocumentOfAClosedOrganStillReachesItsMailbox() throws Exception {
        byte[] status = AxisEdxmlFiles.status(NGHE_AN, THAI_BINH, 7, StatusCode.ARRIVED);

        String docId = docId(sendEdoc(NGHEAN, NGHEAN_SECRET, status, "status"));

        assertThat(docIds(call(LIENTHONG, LIENTHONG_SECRET, "/getReceivedEdocList", "{}").json()))
                .containsExactly(docId);
    }

    @Test
    void theHeaderMayBeLeftOutButMustNotContradictTheFile() throws Exception {
        Answer noHeader = send(multipart("/sim/axis/sendEdoc")
                .file(edxmlPart(document(HUNG_YEN, List.of(NGHE_AN), "x")))
                .header("systemid", LIENTHONG).header("secret", LIENTHONG_SECRET));
        assertThat(noHeader.json().get("status").textValue()).isEqualTo("OK");

        assertFail(sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(NGHE_AN), "x"), "status"), "400");
        Answer wrongService = send(multipart("/sim/axis/sendEdoc")
                .file(edxmlPart(document(HUNG_YEN, List.of(NGHE_AN), "x")))
                .file(new MockMultipartFile("header", "", "application/json",
                        utf8("{\"servicetype\":\"fax\",\"messagetype\":\"edoc\"}")))
                .header("systemid", LIENTHONG).header("secret", LIENTHONG_SECRET));
        assertFail(wrongService, "400");
        Answer asField = send(multipart("/sim/axis/sendEdoc")
                .file(edxmlPart(document(HUNG_YEN, List.of(NGHE_AN), "x")))
                .param("header", "{\"servicetype\":\"eDoc\",\"messagetype\":\"edoc\"}")
                .header("systemid", LIENTHONG).header("secret", LIENTHONG_SECRET));
        assertThat(asField.json().get("status").textValue()).isEqualTo("OK");
        assertThat(admin(get("/sim/axis/agencies/" + NGHE_AN + "/received")).json()).hasSize(2);
    }

    // ---- refusals ----

    @Test
    void wrongOrMissingCredentialsAreRefusedWith401InTheBody() throws Exception {
        byte[] edxml = document(HUNG_YEN, List.of(NGHE_AN), "x");
        List<Answer> answers = new ArrayList<>();
        answers.add(sendEdoc(LIENTHONG, "wrong", edxml, "edoc"));
        answers.add(sendEdoc("nobody", LIENTHONG_SECRET, edxml, "edoc"));
        answers.add(sendEdoc(LIENTHONG, NGHEAN_SECRET, edxml, "edoc"));
        for (String path : List.of("/getReceivedEdocList", "/getSentEdocList", "/getEdoc", "/updateStatus",
                "/getAgenciesList")) {
            answers.add(send(post("/sim/axis" + path).contentType(MediaType.APPLICATION_JSON).content("{}")));
            answers.add(call(NGHEAN, LIENTHONG_SECRET, path, "{}"));
        }
        for (Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(200);
            assertFail(answer, "401");
            assertThat(answer.json().get("ErrorDesc").textValue()).contains("invalid credentials");
        }
        assertThat(mailboxes.size()).isZero();
    }

    @Test
    void aSystemMaySendOnlyForItsOwnOrgans() throws Exception {
        Answer answer = sendEdoc(NGHEAN, NGHEAN_SECRET, document(HUNG_YEN, List.of(THANH_HOA), "x"), "edoc");

        assertFail(answer, "403");
        assertThat(answer.json().get("ErrorDesc").textValue()).contains(HUNG_YEN);
        assertThat(mailboxes.size()).isZero();
    }

    @Test
    void unknownOrClosedRecipientsAreRefusedAndNothingIsDelivered() throws Exception {
        Answer unknown = sendEdoc(LIENTHONG, LIENTHONG_SECRET,
                document(HUNG_YEN, List.of(NGHE_AN, "000.00.00.H99"), "x"), "edoc");
        Answer closed = sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(THAI_BINH), "x"), "edoc");

        assertFail(unknown, "404");
        assertThat(unknown.json().get("ErrorDesc").textValue()).contains("000.00.00.H99");
        assertFail(closed, "410");
        assertThat(closed.json().get("ErrorDesc").textValue()).contains(THAI_BINH);
        assertThat(admin(get("/sim/axis/agencies/" + NGHE_AN + "/received")).json()).isEmpty();
        assertThat(leftoverFiles()).isEmpty();
    }

    @Test
    void whatIsNotWellFormedEdxmlIsRefusedWithItsReasonAndNotKept() throws Exception {
        Answer garbage = sendEdoc(LIENTHONG, LIENTHONG_SECRET, utf8("<not-edxml/>"), "edoc");
        Answer otherNamespace = sendEdoc(LIENTHONG, LIENTHONG_SECRET,
                utf8("<edXML xmlns=\"urn:other\"><x/></edXML>"), "edoc");
        Answer truncated = sendEdoc(LIENTHONG, LIENTHONG_SECRET,
                utf8("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLEnvelope>"), "edoc");
        Answer empty = sendEdoc(LIENTHONG, LIENTHONG_SECRET, new byte[0], "edoc");
        Answer xxe = sendEdoc(LIENTHONG, LIENTHONG_SECRET, utf8("<?xml version=\"1.0\"?><!DOCTYPE x ["
                + "<!ENTITY e SYSTEM \"file:///etc/passwd\">]><edXML>&e;</edXML>"), "edoc");
        Answer notMultipart = call(LIENTHONG, LIENTHONG_SECRET, "/sendEdoc", "{}");

        assertFail(garbage, "400");
        assertThat(garbage.json().get("ErrorDesc").textValue()).contains("the root element is 'not-edxml'");
        assertFail(otherNamespace, "400");
        assertThat(otherNamespace.json().get("ErrorDesc").textValue())
                .contains("not in the namespace http://www.mic.gov.vn/TBT/QCVN_102_2016");
        assertFail(truncated, "400");
        assertThat(truncated.json().get("ErrorDesc").textValue()).startsWith("edXML không hợp lệ (not well-formed XML)");
        assertFail(empty, "400");
        assertFail(xxe, "400");
        assertFail(notMultipart, "400");
        assertThat(mailboxes.size()).isZero();
        assertThat(leftoverFiles()).isEmpty();
    }

    @Test
    void aWellFormedEdxmlFileIsStoredEvenWhenTheGatewaysReaderWouldRefuseIt() throws Exception {
        // an undeclared xlink prefix (not namespace-well-formed) and no Subject: the receiver decides, not the axis
        String file = new String(document(HUNG_YEN, List.of(NGHE_AN), "x"), StandardCharsets.UTF_8)
                .replaceFirst("<Subject>[^<]*</Subject>", "")
                .replaceFirst("<edXMLManifest", "<edXMLManifest xlink:type=\"simple\"");

        Answer stored = admin(post("/sim/axis/inject?to=" + NGHE_AN).content(utf8(file)));

        assertThat(stored.status()).as(new String(stored.raw(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode received = admin(get("/sim/axis/agencies/" + NGHE_AN + "/received")).json().get(0);
        assertThat(received.get("DocID").textValue()).isEqualTo(stored.json().get("DocID").textValue());
        assertThat(received.get("FromOrganId").textValue()).isEqualTo(HUNG_YEN);
    }

    @Test
    void getEdocAnswers404ForAnUnknownDocIdOrAFileNotAddressedToTheCaller() throws Exception {
        String docId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(BO_NOI_VU), "x"), "edoc"));

        Answer unknown = call(NGHEAN, NGHEAN_SECRET, "/getEdoc", "{\"DocID\":\"no-such-doc\"}");
        Answer notTheirs = call(NGHEAN, NGHEAN_SECRET, "/getEdoc", "{\"DocID\":\"" + docId + "\"}");

        for (Answer answer : List.of(unknown, notTheirs)) {
            assertThat(answer.status()).isEqualTo(404);
            assertFail(answer, "404");
        }
        // the sender may read back what it sent
        assertThat(call(LIENTHONG, LIENTHONG_SECRET, "/getEdoc", "{\"DocID\":\"" + docId + "\"}").status())
                .isEqualTo(200);
    }

    // ---- directory ----

    @Test
    void theAgenciesListShowsTheClosedThaiBinhCode() throws Exception {
        JsonNode agencies = call(LIENTHONG, LIENTHONG_SECRET, "/getAgenciesList", "").json();

        assertThat(agencies.get("status").textValue()).isEqualTo("OK");
        assertThat(agencies.get("data").findValuesAsText("OrganId"))
                .containsExactly(HUNG_YEN, THAI_BINH, NGHE_AN, THANH_HOA, "000.00.00.G01", BO_NOI_VU);
        JsonNode thaiBinh = agencies.get("data").get(1);
        assertThat(thaiBinh.get("Active").booleanValue()).isFalse();
        assertThat(agencies.get("data").get(0).get("OrganName").textValue()).isEqualTo("UBND tỉnh Hưng Yên");
    }

    // ---- admin: inject, reset ----

    @Test
    void injectPlacesAFileAsIfItsFromAgencyHadSentIt() throws Exception {
        byte[] fromNgheAn = document(NGHE_AN, List.of(HUNG_YEN), "văn bản đến");

        Answer injected = admin(post("/sim/axis/inject").contentType(MediaType.APPLICATION_XML).content(fromNgheAn));

        assertThat(injected.status()).isEqualTo(200);
        String docId = injected.json().get("DocID").textValue();
        JsonNode list = call(LIENTHONG, LIENTHONG_SECRET, "/getReceivedEdocList", "{\"messagetype\":\"edoc\"}").json();
        assertThat(docIds(list)).containsExactly(docId);
        assertThat(list.get("data").get(0).get("FromOrganId").textValue()).isEqualTo(NGHE_AN);
        assertThat(call(LIENTHONG, LIENTHONG_SECRET, "/getEdoc", "{\"DocID\":\"" + docId + "\"}").raw())
                .isEqualTo(fromNgheAn);
        assertThat(admin(get("/sim/axis/documents/" + docId)).json().get("sentBy").textValue()).isEqualTo("inject");
    }

    @Test
    void injectToAnotherOrganEvenAClosedOneOverridesTheFileRecipients() throws Exception {
        byte[] edxml = document(NGHE_AN, List.of(HUNG_YEN), "x");

        // no Content-Type: curl --data-binary sends it as a form, and the body must still be read as the file
        Answer injected = admin(post("/sim/axis/inject?to=" + THAI_BINH + "&to=" + THANH_HOA)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(edxml));

        String docId = injected.json().get("DocID").textValue();
        assertThat(admin(get("/sim/axis/agencies/" + THAI_BINH + "/received")).json().get(0).get("DocID").textValue())
                .isEqualTo(docId);
        assertThat(admin(get("/sim/axis/agencies/" + THANH_HOA + "/received")).json()).hasSize(1);
        assertThat(admin(get("/sim/axis/agencies/" + HUNG_YEN + "/received")).json()).isEmpty();
        Answer unknown = admin(post("/sim/axis/inject?to=000.00.00.X01").content(edxml));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(admin(post("/sim/axis/inject").content(utf8("garbage"))).status()).isEqualTo(400);
    }

    @Test
    void resetEmptiesEveryMailboxAndTheStore() throws Exception {
        String docId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(NGHE_AN), "x"), "edoc"));

        Answer reset = admin(delete("/sim/axis/mailboxes"));

        assertThat(reset.json().get("cleared").intValue()).isEqualTo(1);
        assertThat(admin(get("/sim/axis/documents/" + docId)).status()).isEqualTo(404);
        assertThat(docIds(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}").json())).isEmpty();
        try (Stream<Path> files = Files.list(store.resolve("files"))) {
            assertThat(files).isEmpty();
        }
        stop();
        startAxis();
        assertThat(mailboxes.size()).isZero();
    }

    // ---- faults ----

    @Test
    void aDownAxisAnswers503ToProtocolCallsButNotToAdminCalls() throws Exception {
        Answer set = admin(put("/sim/axis/faults").contentType(MediaType.APPLICATION_JSON).content("{\"down\":true}"));
        assertThat(set.json().get("down").booleanValue()).isTrue();

        Answer sent = sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(NGHE_AN), "x"), "edoc");
        Answer list = call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}");

        assertThat(sent.status()).isEqualTo(503);
        assertThat(list.status()).isEqualTo(503);
        assertFail(list, "503");
        Answer injected = admin(post("/sim/axis/inject").content(document(NGHE_AN, List.of(HUNG_YEN), "x")));
        assertThat(injected.status()).isEqualTo(200);
        assertThat(admin(get("/sim/axis/faults")).json().get("down").booleanValue()).isTrue();

        admin(put("/sim/axis/faults").contentType(MediaType.APPLICATION_JSON).content("{}"));
        assertThat(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}").status()).isEqualTo(200);
    }

    @Test
    void anErrorRateOfOneFailsEveryProtocolCallWith500AndLatencyDelaysThem() throws Exception {
        admin(put("/sim/axis/faults").contentType(MediaType.APPLICATION_JSON).content("{\"errorRate\":1.0}"));
        assertThat(call(NGHEAN, NGHEAN_SECRET, "/getAgenciesList", "{}").status()).isEqualTo(500);

        admin(put("/sim/axis/faults").contentType(MediaType.APPLICATION_JSON).content("{\"latencyMs\":150}"));
        long start = System.nanoTime();
        assertThat(call(NGHEAN, NGHEAN_SECRET, "/getAgenciesList", "{}").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

        Answer invalid = admin(put("/sim/axis/faults").contentType(MediaType.APPLICATION_JSON)
                .content("{\"errorRate\":2,\"down\":\"yes\"}"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("ErrorDesc").textValue()).contains("errorRate").contains("down");
        assertThat(admin(get("/sim/axis/faults")).json().get("latencyMs").intValue()).isEqualTo(150);
    }

    // ---- the journal ----

    @Test
    void filesAndAcknowledgementsSurviveARestart() throws Exception {
        byte[] first = document(HUNG_YEN, List.of(NGHE_AN), "một");
        String firstId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, first, "edoc"));
        String secondId = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(NGHE_AN), "hai"),
                "edoc"));
        call(NGHEAN, NGHEAN_SECRET, "/updateStatus", "{\"DocID\":\"" + secondId + "\",\"status\":\"done\"}");
        String before = new String(admin(get("/sim/axis/agencies/" + NGHE_AN + "/received")).raw(),
                StandardCharsets.UTF_8);

        stop();
        startAxis();

        assertThat(new String(admin(get("/sim/axis/agencies/" + NGHE_AN + "/received")).raw(), StandardCharsets.UTF_8))
                .isEqualTo(before);
        assertThat(docIds(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}").json())).containsExactly(firstId);
        assertThat(call(NGHEAN, NGHEAN_SECRET, "/getEdoc", "{\"DocID\":\"" + firstId + "\"}").raw()).isEqualTo(first);
    }

    @Test
    void aTornJournalLineAndAFileWithoutARecordAreDroppedAndTheNextRecordIsKept() throws Exception {
        String kept = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(NGHE_AN), "x"), "edoc"));
        stop();
        Files.write(store.resolve("index.jsonl"), utf8("{\"op\":\"message\",\"message\":{\"docId\":\"to"),
                StandardOpenOption.APPEND);
        Files.write(store.resolve("files/orphan.edxml"), utf8("<edXML/>"));
        Files.write(store.resolve("incoming/interrupted.part"), utf8("<edXML"));

        startAxis();
        String next = docId(sendEdoc(LIENTHONG, LIENTHONG_SECRET, document(HUNG_YEN, List.of(NGHE_AN), "y"), "edoc"));
        stop();
        startAxis();

        assertThat(docIds(call(NGHEAN, NGHEAN_SECRET, "/getReceivedEdocList", "{}").json()))
                .containsExactly(kept, next);
        assertThat(store.resolve("files/orphan.edxml")).doesNotExist();
        assertThat(leftoverFiles()).isEmpty();
    }

    // ---- Spring wiring ----

    private final WebApplicationContextRunner spring = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void theConfigurationAloneServesTheSimulatorWithBoundProperties() {
        spring.withUserConfiguration(AxisSimulatorConfiguration.class)
                .withPropertyValues("lienthong.simulator.axis.store-directory=" + dir.resolve("bound"),
                        "lienthong.simulator.axis.systems[0].system-id=province",
                        "lienthong.simulator.axis.systems[0].secret=s3cret",
                        "lienthong.simulator.axis.systems[0].organ-ids[0]=" + HUNG_YEN,
                        "lienthong.simulator.axis.agencies[0].organ-id=" + HUNG_YEN,
                        "lienthong.simulator.axis.agencies[0].organ-name=UBND tỉnh Hưng Yên",
                        "lienthong.simulator.axis.agencies[1].organ-id=" + THAI_BINH,
                        "lienthong.simulator.axis.agencies[1].active=false",
                        "lienthong.simulator.axis.faults.latency=2ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(AxisSimulatorController.class)
                            .hasSingleBean(AxisSimulatorAdminController.class);
                    AxisSimulatorProperties properties = context.getBean(AxisSimulatorProperties.class);
                    assertThat(properties.systems()).extracting(ConnectedSystem::systemId).containsExactly("province");
                    assertThat(properties.agencies().get(1).isActive()).isFalse();
                    assertThat(properties.agencies().get(0).isActive()).isTrue();
                    assertThat(properties.faults().latency()).isEqualTo(Duration.ofMillis(2));
                    assertThat(properties.toString()).doesNotContain("s3cret");
                    assertThat(dir.resolve("bound/index.jsonl")).exists();
                    MockMvc web = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
                    MockHttpServletResponse response = web.perform(post("/sim/axis/getAgenciesList")
                            .header("systemid", "province").header("secret", "s3cret")).andReturn().getResponse();
                    JsonNode body = mapper.readTree(response.getContentAsByteArray());
                    assertThat(body.get("data").findValuesAsText("OrganId")).containsExactly(HUNG_YEN, THAI_BINH);
                });
    }

    @Test
    void defaultsAreTheGatewaysAccountAndTheStoreUnderTheDataDirectory() {
        spring.withUserConfiguration(AxisSimulatorConfiguration.class)
                .withPropertyValues("lienthong.data-directory=" + dir.resolve("data"))
                .run(context -> {
                    AxisSimulatorProperties properties = context.getBean(AxisSimulatorProperties.class);
                    assertThat(properties.systems()).isEqualTo(AxisSimulatorProperties.DEFAULT_SYSTEMS);
                    assertThat(properties.systems().get(0).organIds()).containsExactly(HUNG_YEN, THAI_BINH);
                    assertThat(properties.agencies()).hasSize(6);
                    assertThat(dir.resolve("data/simulator/axis/index.jsonl")).exists();
                });
    }

    @Test
    void disabledMeansNoBeansAndNoEndpoints() {
        spring.withUserConfiguration(AxisSimulatorConfiguration.class)
                .withPropertyValues("lienthong.simulator.axis.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(AxisPostOffice.class)
                        .doesNotHaveBean(AxisSimulatorController.class));
    }

    // ---- helpers ----

    private record Answer(int status, String contentType, byte[] raw, JsonNode json) {
    }

    private void startAxis() {
        AxisSimulatorProperties properties = AxisSimulatorProperties.defaults(store).withSystems(List.of(
                AxisSimulatorProperties.DEFAULT_SYSTEMS.get(0),
                new ConnectedSystem(NGHEAN, NGHEAN_SECRET, List.of(NGHE_AN))));
        mailboxes = new AxisMailboxes(store);
        AxisDirectory directory = new AxisDirectory(properties);
        AxisPostOffice postOffice = AxisSimulatorConfiguration.create(properties, directory, mailboxes,
                EdxmlProperties.defaults(), Clock.systemUTC());
        AxisSessionTokens tokens = new AxisSessionTokens(directory, properties.sessionTtl(), Clock.systemUTC());
        mvc = MockMvcBuilders.standaloneSetup(new AxisSimulatorController(postOffice),
                new AxisSimulatorAdminController(postOffice, tokens)).build();
    }

    private byte[] document(String from, List<String> to, String content) {
        return AxisEdxmlFiles.document(dir, from, to, ++number, content);
    }

    private Answer sendEdoc(String systemId, String secret, byte[] edxml, String messagetype) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/sim/axis/sendEdoc").file(edxmlPart(edxml))
                .file(new MockMultipartFile("header", "", "application/json",
                        utf8("{\"servicetype\":\"eDoc\",\"messagetype\":\"" + messagetype + "\"}")));
        request.header("systemid", systemId).header("secret", secret);
        return send(request);
    }

    private static MockMultipartFile edxmlPart(byte[] edxml) {
        return new MockMultipartFile("file", "document.edxml", "application/xml", edxml);
    }

    private Answer call(String systemId, String secret, String path, String json) throws Exception {
        return send(post("/sim/axis" + path).header("systemid", systemId).header("secret", secret)
                .contentType(MediaType.APPLICATION_JSON).content(utf8(json)));
    }

    private Answer admin(RequestBuilder request) throws Exception {
        return send(request);
    }

    private Answer send(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        byte[] raw = response.getContentAsByteArray();
        JsonNode json = response.getContentType() != null && response.getContentType().startsWith("application/json")
                ? mapper.readTree(raw) : null;
        return new Answer(response.getStatus(), response.getContentType(), raw, json);
    }

    private static String docId(Answer answer) {
        assertThat(answer.json().get("status").textValue()).as(answer.json().toString()).isEqualTo("OK");
        return answer.json().get("DocID").textValue();
    }

    private static List<String> docIds(JsonNode list) {
        assertThat(list.get("status").textValue()).isEqualTo("OK");
        return list.get("data").findValuesAsText("DocID");
    }

    private static void assertFail(Answer answer, String errorCode) {
        assertThat(answer.json()).as("a JSON answer").isNotNull();
        assertThat(answer.json().get("status").textValue()).as(answer.json().toString()).isEqualTo("FAIL");
        assertThat(answer.json().get("ErrorCode").textValue()).as(answer.json().toString()).isEqualTo(errorCode);
        assertThat(answer.json().get("ErrorDesc").textValue()).isNotBlank();
    }

    /** Files a refused or interrupted upload could leave behind: the incoming and spool folders must be empty. */
    private List<Path> leftoverFiles() throws Exception {
        List<Path> left = new ArrayList<>();
        for (String folder : List.of("incoming", "spool")) {
            Path path = store.resolve(folder);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.forEach(left::add);
                }
            }
        }
        return left;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
