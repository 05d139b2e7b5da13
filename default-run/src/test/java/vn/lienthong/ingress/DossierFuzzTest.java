package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;
import vn.lienthong.support.JsonMutations;

/**
 * A bounded, seeded mutation fuzz of the dossier and progress ingress: valid messages of both formats, each mutated
 * (a field removed or given another value or type, an unknown field, an array, cut or corrupted bytes), sent through
 * real HTTP. No answer is a 5xx, the gateway stays healthy, and every message answered 202 reaches a final state:
 * delivered to the portal, or refused by it, or parked with its reason.
 */
class DossierFuzzTest extends GatewayTest {

    private static final long SEED = 20261202L;
    private static final int MUTATIONS = 2500;
    private static final Set<String> FINAL = Set.of("DELIVERED", "REJECTED_BY_PORTAL", "DEAD_LETTERED", "HELD");

    private final Random random = new Random(SEED);
    private final JsonMutations mutations = new JsonMutations(random);
    private final List<String> refusals = new ArrayList<>();

    @Test
    void mutatedMessagesAreAnsweredBelow500AndEveryAcceptedOneReachesAnEnd() {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        Map<String, String> accepted = new HashMap<>(); // tracking id -> the client key that may read it
        for (int i = 0; i < MUTATIONS; i++) {
            boolean dvcqg = random.nextBoolean();
            String key = dvcqg ? GatewayApi.DVCQG_CLIENT_KEY : GatewayApi.CANONICAL_CLIENT_KEY;
            String maHoSo = Dossiers.newMaHoSo();
            boolean progress = random.nextInt(3) == 0;
            JsonNode message = progress
                    ? (dvcqg ? Dossiers.dvcqgProgress(i) : Dossiers.canonicalProgress(i))
                    : (dvcqg ? Dossiers.dvcqg(maHoSo) : Dossiers.canonical(maHoSo));
            if (progress) {
                // a progress item is sent about a dossier the gateway accepted first
                Http.Reply dossier = api.postDossier(key, dvcqg ? Dossiers.dvcqg(maHoSo) : Dossiers.canonical(maHoSo));
                accepted.put(dossier.json().path("trackingId").asText(), key);
            }
            String path = progress ? "/api/v1/dossiers/" + pathCode(maHoSo) + "/progress" : "/api/v1/dossiers";
            Http.Reply reply = api.post(path, key, mutations.mutate(message), null);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() >= 500) {
                serverErrors.add(reply.status() + " " + reply.text());
            } else if (reply.status() == 202) {
                JsonNode answer = reply.json();
                if (answer.has("items")) {
                    answer.path("items").forEach(item -> accepted.put(item.path("trackingId").asText(), key));
                } else {
                    accepted.put(answer.path("trackingId").asText(), key);
                }
            }
        }
        System.out.println("dossier fuzz (seed " + SEED + "): " + MUTATIONS + " mutations, statuses " + statuses
                + ", " + accepted.size() + " accepted");

        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(Http.get(api.baseUrl() + "/actuator/health", Map.of()).json().path("status").asText())
                .isEqualTo("UP");
        Map<String, Integer> outcomes = awaitFinal(accepted);
        System.out.println("dossier fuzz: outcomes of the accepted messages " + outcomes + "; the portal's refusals: "
                + refusals);
        assertThat(outcomes.keySet()).isSubsetOf(FINAL);
    }

    private Map<String, Integer> awaitFinal(Map<String, String> accepted) {
        Map<String, Integer> outcomes = new TreeMap<>();
        api.awaitStates(accepted, FINAL, Duration.ofSeconds(60)).values().forEach(record -> {
            String state = record.path("state").asText();
            outcomes.merge(state, 1, Integer::sum);
            if (state.equals("REJECTED_BY_PORTAL") && refusals.size() < 5) {
                refusals.add(record.path("portalReply").path("message").asText());
            }
        });
        return outcomes;
    }

    /** Mostly the dossier's own code; sometimes one with characters a URL must escape. */
    private String pathCode(String maHoSo) {
        return switch (random.nextInt(8)) {
            case 0 -> URLEncoder.encode(maHoSo + mutations.randomText(), StandardCharsets.UTF_8).replace("+", "%20");
            case 1 -> "%00" + maHoSo;
            default -> maHoSo;
        };
    }
}
