package vn.lienthong.contract;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a body strictly: bytes in (UTF-8, never the platform charset), one JSON value, no duplicate keys (which value
 * would win is up to each reader: refuse instead), nothing after the value. Decimals are kept exactly as sent
 * ({@code 150000.50} stays {@code 150000.50}: a relayed message reaches the portal value for value). Two things no
 * field can hold are refused with their paths: a NUL character (PostgreSQL cannot store it, C programs cut text at
 * it) and a number no 64-bit integer or double can hold ({@code 1e999}, a 400-digit integer).
 */
final class JsonBodyReader {

    private static final BigDecimal LARGEST_DOUBLE = BigDecimal.valueOf(Double.MAX_VALUE);

    private final ObjectReader reader;

    JsonBodyReader(ObjectMapper json) {
        this.reader = json.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** The parsed body; InvalidMessageException with every problem if it is not a single acceptable JSON value. */
    JsonNode read(byte[] body) {
        JsonNode node;
        try {
            node = body == null ? null : reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw invalid("", "cannot read the body: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw invalid("", "the body is empty: expected JSON");
        }
        List<Problem> problems = new ArrayList<>();
        unstorable(node, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidMessageException(problems);
        }
        return node;
    }

    private static void unstorable(JsonNode node, String path, List<Problem> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path + "/" + SchemaProblems.escape(field.getKey());
                if (field.getKey().indexOf('\u0000') >= 0) {
                    problems.add(new Problem(at, "a property name must not contain the NUL character (\\u0000)"));
                }
                unstorable(field.getValue(), at, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unstorable(node.get(i), path + "/" + i, problems);
            }
        } else if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            problems.add(new Problem(path, "must not contain the NUL character (\\u0000)"));
        } else if (node.isBigInteger() && node.bigIntegerValue().bitLength() > 63) {
            problems.add(new Problem(path, "integer out of range: at most 19 digits (a 64-bit integer)"));
        } else if (node.isBigDecimal() && node.decimalValue().abs().compareTo(LARGEST_DOUBLE) > 0) {
            problems.add(new Problem(path, "number out of range: larger than any double-precision number"));
        }
    }

    private static InvalidMessageException invalid(JsonProcessingException e) {
        String where = where(e.getLocation());
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field")) {
            JsonParser parser = e.getProcessor() instanceof JsonParser p ? p : null;
            String path = parser == null ? "" : parser.getParsingContext().pathAsPointer().toString();
            String name = parser == null ? "" : parser.getParsingContext().getCurrentName();
            return invalid(path, "duplicate key \"" + name + "\"" + where);
        }
        if (e instanceof MismatchedInputException && original != null && original.startsWith("Trailing token")) {
            return invalid("", "malformed JSON" + where + ": unexpected content after the JSON value");
        }
        return invalid("", "malformed JSON" + where + ": " + original);
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static InvalidMessageException invalid(String path, String message) {
        return new InvalidMessageException(List.of(new Problem(path, message)));
    }
}
