package vn.lienthong.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Http;

/**
 * The one line a scenario prints, {@code RELIABILITY {json}}: scenario, sent, accepted, delivered, lost, duplicates,
 * recovery_or_pause_ms, and figures of its own (drain_per_s, ...). Also appended to default-run/target/reliability/results.jsonl.
 */
final class ResultLine {

    private final ObjectNode json = JsonNodeFactory.instance.objectNode();

    ResultLine(String scenario) {
        json.put("scenario", scenario);
    }

    ResultLine counts(Load load, Deliveries.Report report) {
        json.put("sent", load.tried());
        json.put("accepted", load.acceptedCount());
        json.put("delivered", report.delivered());
        json.put("lost", report.lost().size());
        json.put("duplicates", report.duplicates());
        return this;
    }

    ResultLine put(String name, long value) {
        json.put(name, value);
        return this;
    }

    ResultLine put(String name, double value) {
        json.put(name, Math.round(value * 10) / 10.0);
        return this;
    }

    ResultLine put(String name, String value) {
        json.put(name, value);
        return this;
    }

    ResultLine put(String name, Map<String, ?> value) {
        json.set(name, Http.JSON.valueToTree(value));
        return this;
    }

    /** Prints the line and keeps it with the other scenarios' lines. */
    void print() {
        String line;
        try {
            line = "RELIABILITY " + Http.JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        System.out.println(line);
        try {
            Files.createDirectories(Settings.resultsFile().getParent());
            Files.writeString(Settings.resultsFile(), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
