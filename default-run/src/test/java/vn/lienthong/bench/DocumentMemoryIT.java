package vn.lienthong.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The gateway's memory while a 50 MiB document passes through it, each way:
 * {@code ./mvnw -Pbench verify -Dit.test=DocumentMemoryIT} (also part of {@code ./mvnw -Pbench verify}, after or
 * before {@link GatewayBenchmarkIT}; about a minute). Prints a table and a {@code BENCH-DOCUMENTS {json}} line; a
 * document that did not arrive byte-identical, or an OutOfMemoryError in the gateway, fails the build (the heap
 * figures themselves are reported, not checked).
 */
class DocumentMemoryIT {

    @Test
    void aFiftyMebibyteDocumentPassesEachWayByteIdenticalAndTheHeapIsPrinted() throws Exception {
        DocumentMemory.Result result = new DocumentMemory(BenchSettings.fromSystemProperties()).run();
        assertTrue(result.correct(), "documents did not arrive byte-identical: " + result.problems());
    }
}
