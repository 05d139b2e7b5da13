package vn.lienthong.broker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's queues, {@code lienthong.queues}: each flow's under a key {@code <flow>-<what>}
 * ({@code dossier-to-portal}, {@code document-to-axis}, ...), its dead-letter queue under {@code <flow>-dead-letter}.
 * The embedded broker declares every one of them at start and sends the broker's own dead letters of a flow's queues
 * to its flow's dead-letter queue; the queue metrics and {@code GET /api/v1/queues} list every one. A new flow adds
 * its queues here and nowhere else (an external broker declares them in its own configuration: README "Production").
 *
 * @param queues the queues by key, in the order they are configured
 */
@ConfigurationProperties(prefix = "lienthong")
public record GatewayQueues(Map<String, String> queues) {

    static final String DEAD_LETTER = "dead-letter";

    public GatewayQueues {
        queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues == null ? Map.of() : queues));
        for (String key : queues.keySet()) {
            if (!key.contains("-")) {
                throw new IllegalStateException("lienthong.queues." + key + ": a queue's key is <flow>-<what>");
            }
        }
    }

    /** Every queue's name, in the order configured. */
    public List<String> names() {
        return List.copyOf(queues.values());
    }

    /** The delivery queues (every queue that is not a dead-letter queue) to the dead-letter queue of their flow. */
    public Map<String, String> deadLetterQueues() {
        Map<String, String> deadLetters = new LinkedHashMap<>();
        queues.forEach((key, name) -> {
            if (!key.endsWith("-" + DEAD_LETTER)) {
                String deadLetter = queues.get(flow(key) + "-" + DEAD_LETTER);
                if (deadLetter == null) {
                    throw new IllegalStateException("lienthong.queues." + key + " has no dead-letter queue: set "
                            + "lienthong.queues." + flow(key) + "-" + DEAD_LETTER);
                }
                deadLetters.put(name, deadLetter);
            }
        });
        return deadLetters;
    }

    /** A queue named by its key: for a class that uses one queue of a flow. */
    public String name(String key) {
        String name = queues.get(key);
        if (name == null) {
            throw new IllegalStateException("no queue lienthong.queues." + key);
        }
        return name;
    }

    private static String flow(String key) {
        return key.substring(0, key.indexOf('-'));
    }

    /** For tests and tools: the queues in the order given, as key, name, key, name, .... */
    public static GatewayQueues of(String... keysAndNames) {
        Map<String, String> queues = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndNames.length; i += 2) {
            queues.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return new GatewayQueues(queues);
    }

    List<String> keys() {
        return new ArrayList<>(queues.keySet());
    }
}
