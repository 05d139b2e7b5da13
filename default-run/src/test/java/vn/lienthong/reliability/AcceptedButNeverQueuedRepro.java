package vn.lienthong.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.Http;

/**
 * Reproduction (not a scenario; run it with {@code ./mvnw -Preliability verify -Dit.test=AcceptedButNeverQueuedRepro}):
 * a 202 for a message that never reached the broker. Acceptance used to commit the tracking row with the client's
 * Idempotency-Key before the broker confirmed the message; a gateway that died in between left the row ACCEPTED and the
 * queue without the message, and the client's retry with the same key was answered 202 "Idempotent-Replayed" for a
 * message that was never delivered (GatewayCrashIT met it in every run). Fixed in 5c016ec (the row stays RECEIVED
 * until the broker confirms; a repeated key re-sends an unconfirmed message); this test makes the situation certain
 * by killing the broker first, so that the first request waits for it with its tracking row already committed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AcceptedButNeverQueuedRepro {

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("repro-accepted-never-queued").start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRetriedRequestIsAnswered202ButItsMessageIsNeverDelivered() throws Exception {
        GatewayProcess gateway = stack.gateway();
        ArtemisBroker broker = stack.brokers.get(0);
        String maHoSo = "000.00.31.H31-REPRO-000001";
        String key = maHoSo + "#0";
        byte[] dossier = Http.bytes(Dossiers.dvcqg(maHoSo));
        Map<String, String> headers = Map.of("Content-Type", "application/json",
                "X-API-Key", GatewayProcess.CLIENT_KEY, "Idempotency-Key", key);

        // 1. the broker is down: the gateway registers the message in tracking, then waits to reconnect and send
        broker.kill();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.post(gateway.apiUrl() + "/api/v1/dossiers", dossier, headers).status();
            } catch (RuntimeException e) {
                return -1; // the connection is cut by the kill below
            }
        });
        await("the tracking row of the first request").atMost(Duration.ofSeconds(20))
                .until(() -> stack.database.stateByIdempotencyKey(key).isPresent());
        assertThat(first).as("the first request waits for the broker").isNotDone();

        // 2. the gateway dies before the broker confirmed; the broker comes back; the gateway restarts
        gateway.kill();
        assertThat(first.get(30, TimeUnit.SECONDS)).as("the first request got no answer").isEqualTo(-1);
        broker.start();
        broker.awaitActive(Stack.START_TIMEOUT);
        gateway.start();
        gateway.awaitReady(Stack.START_TIMEOUT);

        // 3. the client retries with the same Idempotency-Key
        Http.Reply retry = Http.post(gateway.apiUrl() + "/api/v1/dossiers", dossier, headers);
        System.out.println("[reliability] retry answered " + retry.status() + " Idempotent-Replayed="
                + retry.header("Idempotent-Replayed") + " " + retry.text() + "; trail: "
                + stack.database.stateByIdempotencyKey(key));
        assertThat(retry.status()).isEqualTo(202);

        // 4. a 202 means delivered or parked with its reason: the portal must get the dossier
        await("the portal to receive " + maHoSo + " (a 202 was answered for it)").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(stack.portal.dossier(maHoSo))
                        .as("dossier at the portal (trail says %s)", stack.database.stateByIdempotencyKey(key))
                        .isPresent());
    }
}
