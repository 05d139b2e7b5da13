package vn.lienthong.axis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.axis.AxisTestFiles.HUNG_YEN;
import static vn.lienthong.axis.AxisTestFiles.NGHE_AN;
import static vn.lienthong.axis.AxisTestFiles.THAI_BINH;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.axis.AxisProperties.Transport;
import vn.lienthong.edxml.StatusCode;

/**
 * Both transports against the axis simulator over real sockets: what the gateway sends arrives in the recipient's
 * mailbox unchanged, what waits for the province is listed, fetched byte for byte and acknowledged, and every failure
 * comes out as one of the interface's two exceptions.
 */
class AxisTransportTest {

    private static final AxisSimulatorAdmin axis = AxisSimulatorAdmin.shared();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static Bus bus;

    @TempDir
    Path dir;

    private final List<AxisTransport> opened = new ArrayList<>();

    @BeforeAll
    static void cxfBus() {
        bus = BusFactory.newInstance().createBus();
    }

    @AfterAll
    static void shutdownBusAndEmptyAxis() {
        bus.shutdown(true);
        axis.clearMailboxes(); // the shared simulator keeps its store under the working directory
    }

    @BeforeEach
    void emptyHealthyAxis() {
        axis.healthy();
        axis.clearMailboxes();
    }

    @AfterEach
    void heal() throws Exception {
        axis.healthy();
        for (AxisTransport transport : opened) {
            if (transport instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    // ---- sending ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aDocumentWithATenMebibyteAttachmentArrivesInTheRecipientsMailboxUnchanged(Transport kind) {
        Path attachment = AxisTestFiles.randomFile(dir, "big.bin", 10 * 1024 * 1024, 42);
        Path edxml = AxisTestFiles.document(dir, HUNG_YEN, NGHE_AN, 7001, attachment);

        String docId = transport(kind).send(edxml, AxisMessageKind.EDOC);

        JsonNode arrived = axis.received(NGHE_AN, docId);
        assertThat(arrived).as("H41's mailbox has DocID %s", docId).isNotNull();
        assertThat(arrived.path("messagetype").asText()).isEqualTo("edoc");
        assertThat(arrived.path("FromOrganId").asText()).isEqualTo(HUNG_YEN);
        assertThat(arrived.path("DocumentId").asText()).isEqualTo(AxisTestFiles.documentId(HUNG_YEN, 7001));
        assertThat(arrived.path("sentBy").asText()).isEqualTo(AxisSimulatorAdmin.GATEWAY_SYSTEM);
        assertThat(arrived.path("sha256").asText()).isEqualTo(AxisTestFiles.sha256(edxml));
        assertThat(arrived.path("attachments")).hasSize(1);
        assertThat(arrived.path("attachments").get(0).path("size").asLong()).isEqualTo(10 * 1024 * 1024);
        assertThat(arrived.path("attachments").get(0).path("sha256").asText())
                .isEqualTo(AxisTestFiles.sha256(attachment));
        assertThat(arrived.path("signature").asText()).isEqualTo("VALID");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aStatusMessageGoesBackToTheOrganThatSentTheDocument(Transport kind) {
        Path status = AxisTestFiles.status(dir, HUNG_YEN, NGHE_AN, 7002, StatusCode.REGISTERED);

        String docId = transport(kind).send(status, AxisMessageKind.STATUS);

        JsonNode arrived = axis.received(NGHE_AN, docId);
        assertThat(arrived).as("H41's mailbox has DocID %s", docId).isNotNull();
        assertThat(arrived.path("messagetype").asText()).isEqualTo("status");
        assertThat(arrived.path("StatusCode").asText()).isEqualTo("03");
        assertThat(arrived.path("DocumentId").asText()).isEqualTo(AxisTestFiles.documentId(NGHE_AN, 7002));
        assertThat(arrived.path("sha256").asText()).isEqualTo(AxisTestFiles.sha256(status));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aFileSentAsTheWrongKindIsRefused(Transport kind) {
        Path status = AxisTestFiles.status(dir, HUNG_YEN, NGHE_AN, 7003, StatusCode.ARRIVED);

        assertThatThrownBy(() -> transport(kind).send(status, AxisMessageKind.EDOC))
                .isInstanceOfSatisfying(AxisRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("400"));
    }

    // ---- receiving ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aDocumentForTheProvinceIsListedFetchedByteForByteAndGoneOnceAcknowledged(Transport kind) throws IOException {
        Path sent = AxisTestFiles.document(dir, NGHE_AN, HUNG_YEN, 7004,
                AxisTestFiles.randomFile(dir, "reply.bin", 300 * 1024, 7));
        String docId = axis.inject(sent, HUNG_YEN);
        AxisTransport transport = transport(kind);

        AxisInboxItem item = transport.received().stream().filter(i -> i.docId().equals(docId)).findFirst()
                .orElseThrow(() -> new AssertionError("DocID " + docId + " not in received()"));
        assertThat(item.kind()).isEqualTo(AxisMessageKind.EDOC);
        assertThat(item.fromOrganId()).isEqualTo(NGHE_AN);
        assertThat(item.toOrganId()).isEqualTo(HUNG_YEN);
        assertThat(item.documentId()).isEqualTo(AxisTestFiles.documentId(NGHE_AN, 7004));
        assertThat(item.created()).isNotNull();

        Path target = dir.resolve("inbox").resolve(docId + ".edxml");
        transport.fetch(docId, target);
        assertThat(Files.mismatch(sent, target)).as("fetched file differs from the sent one at byte").isEqualTo(-1);
        assertThat(partials(target.getParent())).isEmpty();

        transport.acknowledge(docId, HUNG_YEN, AxisAck.DONE, null);
        JsonNode delivery = axis.document(docId).path("deliveries").get(0);
        assertThat(delivery.path("OrganId").asText()).isEqualTo(HUNG_YEN);
        assertThat(delivery.path("ack").asText()).isEqualTo("done");
        assertThat(transport.received()).extracting(AxisInboxItem::docId).doesNotContain(docId);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aStatusMessageForTheProvinceIsListedAsAStatusAndAFailureIsAcknowledgedWithItsReason(Transport kind) {
        String docId = axis.inject(AxisTestFiles.status(dir, NGHE_AN, HUNG_YEN, 7005, StatusCode.ASSIGNED), HUNG_YEN);
        AxisTransport transport = transport(kind);

        assertThat(transport.received()).filteredOn(i -> i.docId().equals(docId)).singleElement()
                .satisfies(item -> {
                    assertThat(item.kind()).isEqualTo(AxisMessageKind.STATUS);
                    assertThat(item.documentId()).isEqualTo(AxisTestFiles.documentId(HUNG_YEN, 7005));
                });

        transport.acknowledge(docId, HUNG_YEN, AxisAck.FAIL, "không chuyển được tới văn phòng");
        JsonNode record = axis.document(docId);
        assertThat(record.path("ack").asText()).isEqualTo("fail");
        assertThat(record.path("ackReason").asText()).isEqualTo("không chuyển được tới văn phòng");
        assertThat(transport.received()).extracting(AxisInboxItem::docId).doesNotContain(docId);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aDocumentAcknowledgedAsProcessingIsStillListed(Transport kind) {
        String docId = axis.inject(AxisTestFiles.document(dir, NGHE_AN, THAI_BINH, 7006,
                AxisTestFiles.randomFile(dir, "small.bin", 1024, 8)), THAI_BINH);
        AxisTransport transport = transport(kind);

        transport.acknowledge(docId, THAI_BINH, AxisAck.PROCESSING, null);

        assertThat(axis.document(docId).path("ack").asText()).isEqualTo("processing");
        assertThat(transport.received()).filteredOn(i -> i.docId().equals(docId)).singleElement()
                .extracting(AxisInboxItem::toOrganId).isEqualTo(THAI_BINH);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void theDirectoryListsThaiBinhAsClosed(Transport kind) {
        List<AxisAgency> agencies = transport(kind).agencies();

        assertThat(agencies).contains(new AxisAgency(THAI_BINH,
                "UBND tỉnh Thái Bình (đã hợp nhất vào tỉnh Hưng Yên từ 01/07/2025)", false));
        assertThat(agencies).filteredOn(a -> a.organId().equals(HUNG_YEN)).singleElement()
                .extracting(AxisAgency::active).isEqualTo(true);
    }

    // ---- refusals ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aWrongSecretIsRefusedWithoutTheSecretInTheMessage(Transport kind) {
        AxisTransport transport = transport(kind, "not-the-secret-4711", REQUEST_TIMEOUT);

        assertThatThrownBy(transport::agencies).isInstanceOfSatisfying(AxisRejectedException.class, e -> {
            assertThat(e.code()).isEqualTo("401");
            assertThat(e.getMessage()).doesNotContain("not-the-secret-4711");
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void anUnknownDocIdIsRefusedAndFetchingItWritesNothing(Transport kind) {
        AxisTransport transport = transport(kind);
        Path target = dir.resolve("unknown.edxml");

        assertThatThrownBy(() -> transport.fetch("no-such-doc", target))
                .isInstanceOfSatisfying(AxisRejectedException.class, e -> assertThat(e.code()).isEqualTo("404"));
        assertThat(target).doesNotExist();
        assertThat(partials(dir)).isEmpty();
        assertThatThrownBy(() -> transport.acknowledge("no-such-doc", HUNG_YEN, AxisAck.DONE, null))
                .isInstanceOfSatisfying(AxisRejectedException.class, e -> assertThat(e.code()).isEqualTo("404"));
    }

    // ---- the axis unavailable ----

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aDownAxisMakesEveryCallUnavailable(Transport kind) {
        AxisTransport transport = transport(kind);
        Path edxml = AxisTestFiles.document(dir, HUNG_YEN, NGHE_AN, 7007,
                AxisTestFiles.randomFile(dir, "down.bin", 1024, 9));
        transport.agencies(); // the SOAP session is open: the calls below fail themselves, not the login
        axis.faults(true, 0, 0);

        Path target = dir.resolve("down.edxml");
        assertUnavailable(() -> transport.send(edxml, AxisMessageKind.EDOC), "503");
        assertUnavailable(transport::received, "503");
        assertUnavailable(() -> transport.fetch("any", target), "503");
        assertUnavailable(() -> transport.acknowledge("any", HUNG_YEN, AxisAck.DONE, null), "503");
        assertUnavailable(transport::agencies, "503");
        assertThat(target).doesNotExist();
        assertThat(partials(dir)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aFailingAxisIsUnavailable(Transport kind) {
        AxisTransport transport = transport(kind);
        transport.agencies();
        axis.faults(false, 1.0, 0);

        assertUnavailable(transport::received, "500");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void aSlowAxisTimesOutAsUnavailable(Transport kind) {
        AxisTransport transport = transport(kind, AxisSimulatorAdmin.GATEWAY_SECRET, Duration.ofMillis(500));
        axis.faults(false, 0, 2000);

        assertUnavailable(transport::agencies, "");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void anAxisNobodyListensOnIsUnavailable(Transport kind) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String root = "http://127.0.0.1:" + closedPort;
        AxisTransport transport = open(new AxisProperties(kind, URI.create(root + "/sim/axis"),
                URI.create(root + "/services/sim/axis"), AxisSimulatorAdmin.GATEWAY_SYSTEM,
                AxisSimulatorAdmin.GATEWAY_SECRET, Duration.ofSeconds(2), Duration.ofSeconds(5)));

        assertUnavailable(transport::agencies, "");
    }

    // ---- SOAP specifics ----

    @Test
    void theSoapTransportSendsTheFileAsAnMtomAttachmentNotAsInlineBase64() {
        List<String> requestTypes = new CopyOnWriteArrayList<>();
        AbstractPhaseInterceptor<Message> recorder = new AbstractPhaseInterceptor<>(Phase.WRITE_ENDING) {
            @Override
            public void handleMessage(Message message) {
                requestTypes.add(String.valueOf(message.get(Message.CONTENT_TYPE)));
            }
        };
        bus.getOutInterceptors().add(recorder);
        try {
            AxisTransport soap = transport(Transport.SOAP);
            soap.agencies();
            requestTypes.clear();
            soap.send(AxisTestFiles.document(dir, HUNG_YEN, NGHE_AN, 7008,
                    AxisTestFiles.randomFile(dir, "mtom.bin", 64 * 1024, 10)), AxisMessageKind.EDOC);
        } finally {
            bus.getOutInterceptors().remove(recorder);
        }
        assertThat(requestTypes).singleElement().asString()
                .startsWith("multipart/related").contains("application/xop+xml");
    }

    @Test
    void anExpiredSoapSessionIsRenewedOnceAndCachedAgain() {
        axis.expireSessions(); // tokens of earlier tests do not count
        AxisTransport soap = transport(Transport.SOAP);

        soap.agencies();
        soap.received();
        assertThat(axis.expireSessions()).as("tokens opened for two calls").isEqualTo(1);

        assertThat(soap.agencies()).isNotEmpty();
        soap.received();
        assertThat(axis.expireSessions()).as("tokens opened after the expiry").isEqualTo(1);
    }

    // ---- helpers ----

    private AxisTransport transport(Transport kind) {
        return transport(kind, AxisSimulatorAdmin.GATEWAY_SECRET, REQUEST_TIMEOUT);
    }

    private AxisTransport transport(Transport kind, String secret, Duration requestTimeout) {
        return open(axis.properties(kind, secret, requestTimeout));
    }

    private AxisTransport open(AxisProperties properties) {
        AxisTransport transport = switch (properties.transport()) {
            case JSON -> new AxisJsonTransport(properties, new ObjectMapper());
            case SOAP -> new AxisSoapTransport(properties, bus);
        };
        opened.add(transport);
        return transport;
    }

    /** Unavailable, with a message naming the axis and the cause, never the secret. */
    private static void assertUnavailable(ThrowingCallable call, String cause) {
        assertThatThrownBy(call).isInstanceOf(AxisUnavailableException.class)
                .hasMessageContaining("axis")
                .hasMessageContaining(cause)
                .hasMessageNotContaining(AxisSimulatorAdmin.GATEWAY_SECRET);
    }

    /** Temporary files a download left behind. */
    private static List<Path> partials(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
