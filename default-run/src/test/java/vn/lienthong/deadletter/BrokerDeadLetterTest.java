package vn.lienthong.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * A message the broker dead-letters itself (its delivery attempts ran out before the gateway could park it) is not
 * left ACCEPTED: its trail says DEAD_LETTERED with the reason, operators list it like any dead letter, and a replay
 * delivers it under its tracking id.
 */
class BrokerDeadLetterTest extends GatewayTest {

    private static final String OPERATOR_KEY = "demo-operator-key";
    private static final String DELIVERY_QUEUE = "lienthong.dossier.to-portal";

    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    DeadLetterOperations deadLetters;

    @AfterEach
    void deliverAgain() throws Exception {
        camel.getRouteController().startRoute("dossier-delivery");
    }

    @Test
    void aMessageTheBrokerDeadLetteredGetsItsStateAndReasonAndIsReplayed() throws Exception {
        camel.getRouteController().stopRoute("dossier-delivery");
        String maHoSo = Dossiers.newMaHoSo();
        String trackingId = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo))
                .json().path("trackingId").asText();
        assertThat(api.state(OPERATOR_KEY, trackingId)).isEqualTo("ACCEPTED");

        // The broker's own move to the dead-letter address, as when a message's delivery attempts run out.
        QueueControl queue = (QueueControl) broker.getActiveMQServer().getManagementService()
                .getResource(ResourceNames.QUEUE + DELIVERY_QUEUE);
        assertThat(queue.sendMessagesToDeadLetterAddress("LienthongTrackingId = '" + trackingId + "'")).isEqualTo(1);
        camel.getRouteController().startRoute("dossier-delivery");

        assertThat(deadLetters.reconcile()).isEqualTo(1);
        assertThat(deadLetters.reconcile()).as("a trail changes once").isZero();
        JsonNode trail = api.tracking(OPERATOR_KEY, trackingId);
        assertThat(trail.path("state").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(trail.path("history").findValuesAsText("detail"))
                .anyMatch(d -> d != null && d.contains("dead-lettered by the broker") && d.contains(DELIVERY_QUEUE));

        JsonNode listed = Http.get(api.baseUrl() + "/api/v1/dead-letters?key=" + maHoSo,
                Map.of("X-API-Key", OPERATOR_KEY)).json().path("deadLetters");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(trackingId);
        assertThat(listed.get(0).path("flow").asText()).isEqualTo("dossier");
        assertThat(listed.get(0).path("state").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(listed.get(0).path("reason").asText()).contains("dead-lettered by the broker");

        Http.Reply replay = Http.post(api.baseUrl() + "/api/v1/dead-letters/" + trackingId + "/replay",
                "".getBytes(StandardCharsets.UTF_8), Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api.state(OPERATOR_KEY, trackingId)));
        assertThat(portal.dossier(maHoSo).path("syncCount").asInt()).isEqualTo(1);
    }
}
