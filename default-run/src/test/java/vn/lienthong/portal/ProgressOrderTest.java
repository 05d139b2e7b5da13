package vn.lienthong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;

/** Many dossiers at once, each with a long run of progress: every dossier's progress arrives complete and in order. */
class ProgressOrderTest extends GatewayTest {

    private static final int DOSSIERS = 20;
    private static final int PROGRESS_PER_DOSSIER = 50;

    @Test
    void progressOfEachDossierArrivesInOrderWithConcurrentConsumers() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            codes.add(Dossiers.newMaHoSo());
        }
        ExecutorService senders = Executors.newFixedThreadPool(DOSSIERS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String maHoSo : codes) {
                sent.add(senders.submit(() -> sendDossierWithProgress(maHoSo)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> codes.stream().allMatch(c -> progressCount(c) == PROGRESS_PER_DOSSIER));
        for (String maHoSo : codes) {
            JsonNode progress = portal.dossier(maHoSo).path("progress");
            List<String> steps = new ArrayList<>();
            progress.forEach(p -> steps.add(p.path("NoiDungXuLy").asText()));
            List<String> expected = new ArrayList<>();
            for (int step = 1; step <= PROGRESS_PER_DOSSIER; step++) {
                expected.add("Bước " + step + ": thẩm định hồ sơ");
            }
            assertThat(steps).as(maHoSo).containsExactlyElementsOf(expected);
            assertThat(portal.dossier(maHoSo).path("syncCount").asInt()).isEqualTo(1);
        }
    }

    private void sendDossierWithProgress(String maHoSo) {
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo)).status()).isEqualTo(202);
        for (int step = 1; step <= PROGRESS_PER_DOSSIER; step++) {
            assertThat(api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, maHoSo, Dossiers.dvcqgProgress(step)).status())
                    .isEqualTo(202);
        }
    }

    private static int progressCount(String maHoSo) {
        JsonNode atPortal = portal.dossier(maHoSo);
        return atPortal == null ? 0 : atPortal.path("progress").size();
    }
}
