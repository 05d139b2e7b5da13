package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * A bounded, seeded mutation fuzz of the dossier and progress ingress: valid messages of both formats, each mutated
 * (a field removed or given another value or type, an unknown field, an array, cut or corrupted bytes), sent through
 * real HTTP. No answer is a 5xx, the gateway stays healthy, and every message answered 202 reaches a final state:
 * delivered to the portal, or refused by it, or parked with its reason.
 */
class DossierFuzzTest extends GatewayTest {

    private static final long SEED = 20261202L;
    private static final int MUTATIONS = 2500;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> FINAL = Set.of("DELIVERED", "REJECTED_BY_PORTAL", "DEAD_LETTERED", "HELD");

    private final Random random = new Random(SEED);
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
            Http.Reply reply = api.post(path, key, mutate(message), null);
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
        Map<String, String> pending = new HashMap<>(accepted);
        Map<String, Integer> outcomes = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Set<String> done = new HashSet<>();
            pending.forEach((trackingId, key) -> {
                JsonNode record = api.tracking(key, trackingId);
                String state = record.path("state").asText();
                if (FINAL.contains(state)) {
                    outcomes.merge(state, 1, Integer::sum);
                    done.add(trackingId);
                    if (state.equals("REJECTED_BY_PORTAL") && refusals.size() < 5) {
                        refusals.add(record.path("portalReply").path("message").asText());
                    }
                }
            });
            done.forEach(pending::remove);
        }
        pending.forEach((trackingId, key) -> outcomes.merge(api.state(key, trackingId), 1, Integer::sum));
        return outcomes;
    }

    /** Mostly the dossier's own code; sometimes one with characters a URL must escape. */
    private String pathCode(String maHoSo) {
        return switch (random.nextInt(8)) {
            case 0 -> URLEncoder.encode(maHoSo + randomText(), StandardCharsets.UTF_8).replace("+", "%20");
            case 1 -> "%00" + maHoSo;
            default -> maHoSo;
        };
    }

    private byte[] mutate(JsonNode valid) {
        JsonNode tree = valid.deepCopy();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            tree = mutateTree(tree);
        }
        byte[] bytes = Http.bytes(tree);
        return random.nextInt(6) == 0 ? mutateBytes(bytes) : bytes;
    }

    private JsonNode mutateTree(JsonNode tree) {
        switch (random.nextInt(6)) {
            case 0 -> {
                return NODES.arrayNode().add(tree).add(tree.deepCopy()); // an array (of the message, twice)
            }
            case 1 -> {
                ObjectNode target = randomObject(tree);
                if (target != null && target.size() > 0) {
                    target.remove(fieldOf(target));
                }
            }
            case 2 -> {
                ObjectNode target = randomObject(tree);
                if (target != null) {
                    target.set("X" + random.nextInt(1000), randomValue());
                }
            }
            default -> {
                ObjectNode target = randomObject(tree);
                if (target != null && target.size() > 0) {
                    target.set(fieldOf(target), randomValue());
                }
            }
        }
        return tree;
    }

    private ObjectNode randomObject(JsonNode tree) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(tree, objects);
        return objects.isEmpty() ? null : objects.get(random.nextInt(objects.size()));
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collect(child, objects));
    }

    private String fieldOf(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.get(random.nextInt(names.size()));
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("   ");
            case 3 -> NODES.numberNode(random.nextInt(40) - 10);
            case 4 -> NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(random.nextInt(40))));
            case 5 -> NODES.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(700) - 350)));
            case 6 -> NODES.textNode(randomText());
            case 7 -> NODES.textNode("x".repeat(random.nextInt(300)));
            case 8 -> NODES.booleanNode(random.nextBoolean());
            case 9 -> NODES.objectNode().put("a", randomText());
            case 10 -> NODES.arrayNode().add(randomText()).addNull();
            case 11 -> NODES.textNode(String.valueOf(random.nextInt(12)));
            case 12 -> NODES.textNode(List.of("processing", "done", "new", "Processing", "xong").get(random.nextInt(5)));
            case 13 -> NODES.textNode("2025" + String.format("%010d", Math.abs(random.nextLong()) % 10_000_000_000L));
            case 14 -> NODES.textNode("2025-07-01T08:30:00" + List.of("+07:00", "Z", "", "+25:00").get(random.nextInt(4)));
            default -> NODES.textNode("000.00.00.H" + random.nextInt(100));
        };
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20);                  // control characters, NUL included
                case 1 -> 0x1F600 + random.nextInt(50);           // outside the BMP
                case 2 -> 0x0300 + random.nextInt(0x70);          // combining marks
                case 3 -> 0xFEFF;                                 // a BOM inside text
                default -> 'A' + random.nextInt(58);
            });
        }
        return text.toString();
    }

    private byte[] mutateBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
            }
            case 1 -> copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            default -> {
                int at = random.nextInt(copy.length);
                byte[] longer = new byte[copy.length + 1];
                System.arraycopy(copy, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(copy, at, longer, at + 1, copy.length - at);
                return longer;
            }
        }
        return copy;
    }
}
