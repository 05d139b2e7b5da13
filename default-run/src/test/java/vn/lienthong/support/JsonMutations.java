package vn.lienthong.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seeded mutations of a valid message, shared by the ingress fuzz tests: one to three changes to its JSON tree (a
 * field removed or given another value or type, an unknown field, the message wrapped in an array), then sometimes its
 * bytes cut or corrupted. The same seed gives the same mutations.
 */
public final class JsonMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;

    public JsonMutations(Random random) {
        this.random = random;
    }

    /** A mutated copy of {@code valid}, as bytes. */
    public byte[] mutate(JsonNode valid) {
        byte[] bytes = Http.bytes(mutateTree(valid));
        return random.nextInt(6) == 0 ? mutateBytes(bytes) : bytes;
    }

    /** A mutated copy of {@code valid}, as a tree. */
    public JsonNode mutateTree(JsonNode valid) {
        JsonNode tree = valid.deepCopy();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            tree = changeOnce(tree);
        }
        return tree;
    }

    private JsonNode changeOnce(JsonNode tree) {
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

    /** A value of any JSON type, often one a format refuses (codes, dates, numbers out of range, control characters). */
    public JsonNode randomValue() {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("   ");
            case 3 -> NODES.numberNode(random.nextInt(40) - 10);
            case 4 -> NODES.numberNode(new BigInteger("1" + "0".repeat(random.nextInt(40))));
            case 5 -> NODES.numberNode(new BigDecimal("1e" + (random.nextInt(700) - 350)));
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

    /** Up to 11 characters: control characters (NUL included), outside the BMP, combining marks, a BOM, letters. */
    public String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x1F600 + random.nextInt(50);
                case 2 -> 0x0300 + random.nextInt(0x70);
                case 3 -> 0xFEFF;
                default -> 'A' + random.nextInt(58);
            });
        }
        return text.toString();
    }

    /** The bytes cut short, one byte changed, or one byte put in (nothing left to change once cut to nothing). */
    public byte[] mutateBytes(byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                return Arrays.copyOf(copy, random.nextInt(copy.length));
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
