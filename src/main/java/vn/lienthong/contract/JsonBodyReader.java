package vn.lienthong.contract;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Reads a body strictly: bytes in (UTF-8, never the platform charset), one JSON value, no duplicate keys (which value
 * would win is up to each reader: refuse instead), nothing after the value.
 */
final class JsonBodyReader {

    private final ObjectReader reader;

    JsonBodyReader(ObjectMapper json) {
        this.reader = json.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The parsed body; InvalidMessageException with one problem if it is not a single well-formed JSON value. */
    JsonNode read(byte[] body) {
        try {
            JsonNode node = body == null ? null : reader.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw invalid("", "the body is empty: expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw invalid("", "cannot read the body: " + e.getMessage());
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
