package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.Http;

/**
 * Each client sends only its kinds of message, checked before the body is read, and owns the dossiers it created:
 * the permission findings of issue 12, over HTTP.
 */
class ClientPermissionTest extends SecuredGatewayTest {

    private static final String THAI_BINH_KEY = "thaibinh-motcua-key-0123456789";
    private static final String THAI_BINH_NEXT_KEY = "thaibinh-motcua-key-next-0123456789";
    private static final String HUNG_YEN_KEY = "hungyen-motcua-key-0123456789";

    @Test
    void theEofficeMayNotSendADossierAndItsBodyIsNotEvenRead() {
        Http.Reply valid = api.postDossier("demo-eoffice-key", Dossiers.canonical(Dossiers.newMaHoSo()));
        Http.Reply garbage = api.post("/api/v1/dossiers", "demo-eoffice-key", "{not json".getBytes(), null);

        assertThat(valid.status()).isEqualTo(403);
        assertThat(message(valid)).isEqualTo("client demo-eoffice may not send dossier messages "
                + "(only document, document-status)");
        assertThat(garbage.status()).isEqualTo(403);
    }

    @Test
    void theOneStopSystemMayNotSendADocumentNorAStatus() {
        Http.Reply document = Http.post(url("/api/v1/documents"), "<edXML/>".getBytes(),
                Map.of("Content-Type", "application/xml", "X-API-Key", "demo-dvcqg-key"));
        Http.Reply status = Http.post(url("/api/v1/documents/status"), "{}".getBytes(),
                Map.of("Content-Type", "application/json", "X-API-Key", "demo-dvcqg-key"));

        assertThat(document.status()).isEqualTo(403);
        assertThat(message(document)).startsWith("client demo-dvcqg may not send document messages");
        assertThat(status.status()).isEqualTo(403);
        assertThat(message(status)).startsWith("client demo-dvcqg may not send document-status messages");
    }

    @Test
    void anOperatorKeyMayNotSendADossier() {
        Http.Reply reply = api.postDossier("demo-operator-key", Dossiers.dvcqg(Dossiers.newMaHoSo()));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(message(reply)).isEqualTo("client demo-operator may not send dossier messages");
    }

    @Test
    void anotherClientMayNotUpdateADossierNorAddItsProgress() {
        String maHoSo = Dossiers.newMaHoSo();
        String owned = api.postDossier("demo-dvcqg-key", Dossiers.dvcqg(maHoSo)).json().get("trackingId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.state("demo-dvcqg-key", owned).equals("DELIVERED"));

        Http.Reply overwrite = api.postDossier("demo-canonical-key",
                Dossiers.canonical(maHoSo).put("chuHoSo", "Kẻ Mạo Danh").put("trangThaiHoSo", 3));
        Http.Reply progress = api.postProgress("demo-canonical-key", maHoSo, Dossiers.canonicalProgress(1));

        String reason = "dossier " + maHoSo + " belongs to client demo-dvcqg, which does not share its dossiers "
                + "with demo-canonical: demo-canonical may not ";
        assertThat(overwrite.status()).isEqualTo(403);
        assertThat(message(overwrite)).isEqualTo(reason + "update it");
        assertThat(progress.status()).isEqualTo(403);
        assertThat(message(progress)).isEqualTo(reason + "add progress to it");
        JsonNode atPortal = portal.dossier(maHoSo);
        assertThat(atPortal.path("syncCount").asInt()).isEqualTo(1);
        assertThat(atPortal.path("progress")).isEmpty();
        assertThat(api.trail("demo-canonical-key", maHoSo).status()).isEqualTo(404);
        assertThat(api.trail("demo-dvcqg-key", maHoSo).json().get("messages")).hasSize(1);
    }

    @Test
    void anOwnerSharesItsDossiersWithItsSuccessorAndOperatorsSeeEveryClientsTrail() {
        String maHoSo = Dossiers.newMaHoSo();
        Http.Reply created = api.postDossier(THAI_BINH_KEY, Dossiers.dvcqg(maHoSo));
        Http.Reply updated = api.postDossier(HUNG_YEN_KEY, Dossiers.dvcqg(maHoSo).put("TrangThaiHoSo", 4));
        Http.Reply progress = api.postProgress(HUNG_YEN_KEY, maHoSo, Dossiers.dvcqgProgress(1));
        Http.Reply back = api.postProgress(THAI_BINH_NEXT_KEY, maHoSo, Dossiers.dvcqgProgress(2));
        String other = Dossiers.newMaHoSo();
        Http.Reply hungYensOwn = api.postDossier(HUNG_YEN_KEY, Dossiers.dvcqg(other));
        Http.Reply notShared = api.postProgress(THAI_BINH_KEY, other, Dossiers.dvcqgProgress(1));

        assertThat(created.status()).isEqualTo(202);
        assertThat(updated.status()).isEqualTo(202);
        assertThat(progress.status()).isEqualTo(202);
        assertThat(back.status()).as("the second key of a rotation").isEqualTo(202);
        assertThat(hungYensOwn.status()).isEqualTo(202);
        assertThat(notShared.status()).as("sharing goes one way").isEqualTo(403);
        JsonNode trail = api.trail("demo-operator-key", maHoSo).json().get("messages");
        assertThat(trail).extracting(m -> m.get("clientId").asText())
                .containsExactly("motcua-thaibinh", "motcua-hungyen", "motcua-hungyen", "motcua-thaibinh");
    }

    @Test
    void twoClientsSendingTheSameNewDossierAtOnceGetOneOwner() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String maHoSo = Dossiers.newMaHoSo();
                CountDownLatch start = new CountDownLatch(1);
                Future<Http.Reply> dvcqg = senders.submit(() -> {
                    start.await();
                    return api.postDossier("demo-dvcqg-key", Dossiers.dvcqg(maHoSo));
                });
                Future<Http.Reply> canonical = senders.submit(() -> {
                    start.await();
                    return api.postDossier("demo-canonical-key", Dossiers.canonical(maHoSo));
                });
                start.countDown();

                assertThat(List.of(dvcqg.get().status(), canonical.get().status()))
                        .as("round %d", round).containsExactlyInAnyOrder(202, 403);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static String message(Http.Reply reply) {
        return reply.json().get("errors").get(0).get("message").asText();
    }
}
