package vn.lienthong.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * What an operator sees of the gateway: business metrics at /actuator/prometheus, each destination in the
 * {@code destinations} health group, log lines naming their message. A gateway of its own (its counts are exact:
 * no other test's message passes through it), closed when done.
 */
@TestPropertySource(properties = {
        "spring.artemis.embedded.server-id=11",
        "camel.servlet.mapping.servlet-name=CamelServletOperationsTest",
        "camel.component.servlet.servlet-name=CamelServletOperationsTest",
        // Never polls the axis: the other gateways of the test run take its mail.
        "lienthong.documents.poll-interval=3600000",
        "lienthong.indicators.gauge-refresh=200"
})
// Tests turn metrics export off unless asked: this one reads /actuator/prometheus as Prometheus would.
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OperationsTest extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KEY = GatewayApi.DVCQG_CLIENT_KEY;
    /** The demo operator's console login (HTTP Basic): API keys open no console. */
    private static final String OPERATOR_LOGIN = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("demo-operator:demo-operator-password".getBytes(StandardCharsets.UTF_8));

    @Test
    void aDeliveredARejectedAndADeadLetteredDossierAreCountedOnceEachByOutcome() {
        Map<String, Double> before = dossierOutcomes();
        double latenciesBefore = metric("lienthong_delivery_latency_seconds_count", "flow=\"dossier\"");
        String delivered = Dossiers.newMaHoSo();
        String rejected = Dossiers.newMaHoSo();
        String deadLettered = Dossiers.newMaHoSo();
        Http.Reply faults = Http.put(portal.baseUrl() + "/faults",
                Map.of("rejectMaHoSoPattern", rejected, "failMaHoSoPattern", deadLettered));
        assertThat(faults.status()).isEqualTo(200);

        String deliveredId = post(delivered);
        String rejectedId = post(rejected);
        String deadLetteredId = post(deadLettered);
        await().atMost(WAIT).until(() -> api.state(KEY, deliveredId).equals("DELIVERED")
                && api.state(KEY, rejectedId).equals("REJECTED_BY_PORTAL")
                && api.state(KEY, deadLetteredId).equals("DEAD_LETTERED"));

        Map<String, Double> after = dossierOutcomes();
        assertThat(after.get("accepted") - before.get("accepted")).isEqualTo(3);
        assertThat(after.get("delivered") - before.get("delivered")).isEqualTo(1);
        assertThat(after.get("rejected") - before.get("rejected")).isEqualTo(1);
        assertThat(after.get("held") - before.get("held")).as("the poison dossier, set aside once").isEqualTo(1);
        assertThat(after.get("dead_lettered") - before.get("dead_lettered")).isEqualTo(1);
        assertThat(after.get("quarantined") - before.get("quarantined")).isZero();
        assertThat(after.get("replayed") - before.get("replayed")).isZero();
        assertThat(metric("lienthong_delivery_latency_seconds_count", "flow=\"dossier\"") - latenciesBefore)
                .isEqualTo(1);

        // The trail says DEAD_LETTERED a moment before the dead-letter queue's send commits, and the queues' gauges
        // are read from a snapshot of at most a second.
        String scrape = await().atMost(WAIT).until(this::prometheus, text -> metric(text, "lienthong_queue_depth",
                "queue=\"lienthong.dossier.dead-letter\"") >= 1);
        assertThat(metric(scrape, "lienthong_destination_calls_total", "code=\"4\",destination=\"portal\""))
                .as("the portal's rejection, by its error_code").isGreaterThanOrEqualTo(1);
        assertThat(metric(scrape, "lienthong_destination_calls_total", "code=\"0\",destination=\"portal\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric(scrape, "lienthong_destination_calls_total", "code=\"http_500\",destination=\"portal\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metric(scrape, "lienthong_queue_depth", "queue=\"lienthong.dossier.dead-letter\""))
                .isGreaterThanOrEqualTo(1);
        for (String queue : List.of("lienthong.dossier.to-portal", "lienthong.document.to-axis",
                "lienthong.document.from-axis", "lienthong.document.dead-letter")) {
            assertThat(metric(scrape, "lienthong_queue_depth", "queue=\"" + queue + "\"")).isGreaterThanOrEqualTo(0);
            assertThat(scrape).contains("lienthong_queue_oldest_age_seconds{queue=\"" + queue + "\"}");
        }
        assertThat(scrape).contains("lienthong_held_messages{flow=\"dossier\"}")
                .contains("lienthong_destination_circuit_open{destination=\"portal\"} 0.0");
        assertThat(scrape).as("API requests carry their REST template")
                .contains("uri=\"/api/v1/dossiers\"").contains("uri=\"/api/v1/tracking/{trackingId}\"");
        // (requests still in flight, the scrape itself among them, have no template yet: http_server_requests_active)
        assertThat(scrape.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
                .noneMatch(line -> line.contains("uri=\"UNKNOWN\""));
    }

    @Test
    void aDownPortalIsDownInTheDestinationsGroupWhileTheGatewayStaysUpAndReady() {
        portal.faults(true, 0, 0, null);
        String trackingId = post(Dossiers.newMaHoSo());

        await().atMost(WAIT).until(() -> health("/destinations").path("components").path("portal").path("status")
                .asText().equals("DOWN"));
        JsonNode destinations = health("/destinations");
        assertThat(destinations.path("status").asText()).isEqualTo("DOWN");
        assertThat(destinations.path("components").path("portal").path("details").path("lastError").asText())
                .contains("HTTP 503");
        assertThat(destinations.path("components").path("portal").path("details").has("circuit")).isTrue();
        assertThat(destinations.path("components").has("axis")).isTrue();
        assertThat(destinations.path("components").has("eoffice")).isTrue();
        assertThat(health("").path("status").asText()).isEqualTo("UP");
        assertThat(health("").path("components").has("portal")).as("kept out of the gateway's own health").isFalse();
        assertThat(health("/readiness").path("status").asText()).isEqualTo("UP");
        assertThat(health("/liveness").path("status").asText()).isEqualTo("UP");
        JsonNode anonymous = Http.get("http://127.0.0.1:" + port + "/actuator/health/destinations", Map.of()).json();
        assertThat(anonymous.path("components").path("portal").path("status").asText()).isEqualTo("DOWN");
        assertThat(anonymous.path("components").path("portal").has("details")).as("details for operators").isFalse();

        portal.healthy();
        await().atMost(WAIT).until(() -> api.state(KEY, trackingId).equals("DELIVERED"));
        await().atMost(WAIT).until(() -> health("/destinations").path("components").path("portal").path("status")
                .asText().equals("UP"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLogLineOfADeliveredDossierCarriesItsTrackingId() {
        List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                events.add(event);
            }
        };
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.start();
        root.addAppender(capture);
        try {
            String maHoSo = Dossiers.newMaHoSo();
            String trackingId = post(maHoSo);
            await().atMost(WAIT).until(() -> api.state(KEY, trackingId).equals("DELIVERED"));

            await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.getFormattedMessage()
                    .startsWith("delivered DOSSIER trackingId=" + trackingId + " MaHoSo=" + maHoSo)));
            ILoggingEvent line = events.stream().filter(e -> e.getFormattedMessage()
                    .startsWith("delivered DOSSIER trackingId=" + trackingId)).findFirst().orElseThrow();
            assertThat(line.getLevel().toString()).isEqualTo("INFO");
            assertThat(line.getMDCPropertyMap()).containsEntry("trackingId", trackingId)
                    .containsEntry("maHoSo", maHoSo);
            // The default console pattern (logging.pattern.correlation) prints them on the line.
            ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE");
            assertThat(new String(console.getEncoder().encode(line), StandardCharsets.UTF_8))
                    .contains("[" + trackingId + " " + maHoSo + "] ");
        } finally {
            root.detachAppender(capture);
        }
    }

    @Test
    void operatorsSeeEveryQueueWithItsDepthOldestMessageAgeAndConsumers() {
        Http.Reply reply = Http.get("http://127.0.0.1:" + port + "/api/v1/queues",
                Map.of("X-API-Key", "demo-operator-key"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("queues").findValuesAsText("name")).containsExactly(
                "lienthong.dossier.to-portal", "lienthong.dossier.dead-letter", "lienthong.document.to-axis",
                "lienthong.document.from-axis", "lienthong.document.held", "lienthong.document.dead-letter",
                "lienthong.national.to-motcua", "lienthong.national.dead-letter");
        JsonNode toPortal = reply.json().path("queues").get(0);
        assertThat(toPortal.path("depth").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(toPortal.path("consumers").asInt()).as("the delivery consumers").isPositive();
        assertThat(toPortal.has("oldestMessageAgeSeconds")).isTrue();
        assertThat(Http.get("http://127.0.0.1:" + port + "/api/v1/queues", Map.of("X-API-Key", KEY)).status())
                .as("operators only").isEqualTo(403);
    }

    @Test
    void theCurrentMonthsIndicatorsPerUnitAreGaugesWithTheApisFigures() {
        // The only dossier of this gateway received this month (the others are of July 2025): online, synced.
        String maHoSo = Dossiers.newMaHoSo();
        String now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        Http.Reply accepted = api.postDossier(KEY, Dossiers.dvcqg(maHoSo).put("NgayTiepNhan", now)
                .put("KenhThucHien", 2));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String id = accepted.json().path("trackingId").asText();
        await().atMost(WAIT).until(() -> api.state(KEY, id).equals("DELIVERED"));

        String unit = "unit=\"000.00.00.H31\"";
        await().atMost(WAIT).untilAsserted(() -> {
            String scrape = prometheus();
            assertThat(metric(scrape, "lienthong_indicator_dossiers", "count=\"received\"," + unit)).isEqualTo(1);
            assertThat(metric(scrape, "lienthong_indicator_dossiers", "count=\"synced\"," + unit)).isEqualTo(1);
            assertThat(metric(scrape, "lienthong_indicator_rate", "indicator=\"syncRatio\"," + unit)).isEqualTo(1);
            assertThat(metric(scrape, "lienthong_indicator_rate", "indicator=\"onlineRate\"," + unit)).isEqualTo(1);
            assertThat(metric(scrape, "lienthong_indicator_rate", "indicator=\"onlinePaymentRate\"," + unit)).isZero();
            assertThat(metric(scrape, "lienthong_indicator_rate", "indicator=\"onTimeRate\"," + unit))
                    .as("nothing finished: no figure, no series").isEqualTo(-1);
        });
        JsonNode figures = Http.get("http://127.0.0.1:" + port + "/api/v1/indicators?groupBy=unit",
                Map.of("X-API-Key", "demo-operator-key")).json();
        assertThat(figures.path("groups")).hasSize(1);
        assertThat(figures.path("groups").get(0).path("received").asLong()).isEqualTo(1);
    }

    private String post(String maHoSo) {
        Http.Reply reply = api.postDossier(KEY, Dossiers.dvcqg(maHoSo));
        assertThat(reply.status()).isEqualTo(202);
        return reply.json().path("trackingId").asText();
    }

    /** Health as an operator sees it (details need a login; everyone sees the statuses). */
    private JsonNode health(String group) {
        return Http.get("http://127.0.0.1:" + port + "/actuator/health" + group,
                Map.of("Authorization", OPERATOR_LOGIN)).json();
    }

    private String prometheus() {
        Http.Reply reply = Http.get("http://127.0.0.1:" + port + "/actuator/prometheus", Map.of());
        assertThat(reply.status()).isEqualTo(200);
        return reply.text();
    }

    private Map<String, Double> dossierOutcomes() {
        String scrape = prometheus();
        Map<String, Double> counts = new java.util.HashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.tag(), metric(scrape, "lienthong_messages_total",
                    "flow=\"dossier\",kind=\"dossier\",outcome=\"" + outcome.tag() + "\""));
        }
        return counts;
    }

    private double metric(String name, String labels) {
        return metric(prometheus(), name, labels);
    }

    /** The value of one series (labels as Prometheus prints them, in alphabetical order); -1 when absent. */
    private static double metric(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels) + "[,}][^ ]* ([^ ]+)$")
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
