package vn.lienthong.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.Http;

/**
 * Reproduction (not a scenario; {@code ./mvnw -Preliability verify -Dit.test=UntrackedQueuedMessageRepro}): a message
 * in the delivery queue whose tracking row does not exist must not hold up its dossier. A failover can leave one: the
 * broker stored the message, but Artemis "unblocked" the gateway's send with an exception, so the gateway answered
 * 503 and withdrew the tracking row. The client then sends the dossier again (same MaHoSo: same message group).
 * Before 5c016ec delivery failed on the tracking foreign key, parking failed too, and only the (then wrong)
 * classification of that failure kept the dossier from waiting for the whole retry schedule 20 times over; since
 * 5c016ec such a message is delivered without a trail.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UntrackedQueuedMessageRepro {

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("repro-untracked-queued").start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aQueuedMessageWithoutATrackingRowHoldsUpItsDossier() throws Exception {
        GatewayProcess gateway = stack.gateway();
        String maHoSo = "000.00.31.H31-REPRO-000002";

        // 1. what the failed send left behind: the message, queued, its tracking row withdrawn
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(stack.brokers.get(0).url(),
                ArtemisBroker.USER, ArtemisBroker.PASSWORD);
             Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue("lienthong.dossier.to-portal"))) {
            TextMessage message = session.createTextMessage(Http.JSON.writeValueAsString(Dossiers.canonical(maHoSo)));
            message.setStringProperty("LienthongTrackingId", UUID.randomUUID().toString());
            message.setStringProperty("LienthongKind", "DOSSIER");
            message.setStringProperty("LienthongMaHoSo", maHoSo);
            message.setStringProperty("LienthongUnitCode", GatewayProcess.UNIT);
            message.setStringProperty("LienthongClientId", GatewayProcess.CLIENT_ID);
            message.setStringProperty("JMSXGroupID", maHoSo);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(message);
        }

        // 2. the client, answered 503, sends the dossier again, and gets a 202
        Http.Reply retry = Http.post(gateway.apiUrl() + "/api/v1/dossiers", Http.bytes(Dossiers.dvcqg(maHoSo)),
                Map.of("Content-Type", "application/json", "X-API-Key", GatewayProcess.CLIENT_KEY,
                        "Idempotency-Key", maHoSo + "#0"));
        assertThat(retry.status()).isEqualTo(202);

        // 3. the accepted dossier should be delivered in seconds
        await("the portal to receive " + maHoSo).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(stack.portal.dossier(maHoSo))
                        .as("the dossier answered 202 at the portal; gateway log: %s",
                                gateway.logTail(5)).isPresent());
    }
}
