package vn.lienthong.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;


/** A portal outage pauses every delivery; a poison message (one dossier failing again and again) does not. */
class DestinationCircuitTest {

    private final DestinationCircuit circuit = new DestinationCircuit("portal", new DeliveryProperties(8, 10, Duration.ofMillis(300), 2,
            Duration.ofSeconds(60), 2, Duration.ofMillis(200), 3, Duration.ofSeconds(10), Duration.ofSeconds(1)));

    @Test
    void oneDossierFailingAgainAndAgainIsNoOutage() {
        for (int i = 0; i < 20; i++) {
            circuit.failed("POISON-1");
            circuit.failed("POISON-2");
        }
        assertThat(circuit.allowsCall()).isTrue();
    }

    @Test
    void failuresForSeveralDossiersInARowPauseDeliveriesUntilOneTrialCallSucceeds() throws Exception {
        circuit.failed("A");
        circuit.failed("B");
        circuit.succeeded();
        circuit.failed("C");
        assertThat(circuit.allowsCall()).as("a success in between: no outage").isTrue();
        circuit.failed("D");
        circuit.failed("E");
        assertThat(circuit.allowsCall()).as("three different dossiers failed in a row").isFalse();

        // After the pause one caller tries the portal; the others keep waiting for its answer.
        circuit.awaitPermission(() -> false);
        assertThat(circuit.allowsCall()).isFalse();
        AtomicBoolean secondGotThrough = new AtomicBoolean();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            circuit.awaitPermission(() -> false);
            secondGotThrough.set(true);
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !secondGotThrough.get());

        circuit.succeeded();
        second.get();
        assertThat(circuit.allowsCall()).isTrue();
    }

    @Test
    void aFailedTrialCallPausesAgainLonger() {
        circuit.failed("A");
        circuit.failed("B");
        circuit.failed("C");
        long start = System.nanoTime();
        circuit.awaitPermission(() -> false);
        circuit.failed("A");
        circuit.awaitPermission(() -> false);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("300 ms, then 600 ms").isGreaterThan(
                Duration.ofMillis(850));
    }

    @Test
    void aCallerWaitingWhileTheGatewayStopsGivesUp() {
        circuit.failed("A");
        circuit.failed("B");
        circuit.failed("C");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> circuit.awaitPermission(() -> true))
                .isInstanceOf(DestinationUnavailableException.class).hasMessageContaining("stopping");
    }
}
