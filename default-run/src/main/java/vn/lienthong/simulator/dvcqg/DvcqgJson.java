package vn.lienthong.simulator.dvcqg;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Reads and writes the simulator's JSON with the application's ObjectMapper, pinned to the settings a faithful store
 * needs whatever the application configures: field order and strings as received, decimals exactly as sent, one line
 * per value.
 */
public final class DvcqgJson {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    public DvcqgJson(ObjectMapper mapper) {
        // BigDecimal without stripping zeros keeps "Gia": 150000.50 as sent; trailing bytes are an error, not ignored
        this.reader = mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        // the journal is one JSON value per line, so never indent; nulls are part of "as received"
        this.writer = mapper.writer()
                .without(SerializationFeature.INDENT_OUTPUT)
                .with(JsonNodeFeature.WRITE_NULL_PROPERTIES);
    }

    /**
     * Parses UTF-8 (or UTF-16/32, auto-detected) JSON.
     *
     * @throws JsonProcessingException when the bytes are not one JSON value; see {@link #describe}
     */
    public JsonNode read(byte[] bytes) throws IOException {
        if (bytes == null || bytes.length == 0) {
            return MissingNode.getInstance();
        }
        JsonNode node = reader.readTree(bytes);
        return node == null ? MissingNode.getInstance() : node;
    }

    public JsonNode read(String text) throws IOException {
        JsonNode node = reader.readTree(text);
        return node == null ? MissingNode.getInstance() : node;
    }

    /** UTF-8 bytes of the value on one line. */
    public byte[] write(JsonNode node) {
        try {
            return writer.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; reaching this is a bug
            throw new IllegalStateException("cannot serialise JSON tree", e);
        }
    }

    /** A short, client-facing description of a parse failure: what and where, no stack trace. */
    public static String describe(IOException e) {
        if (e instanceof JsonProcessingException parse) {
            JsonLocation at = parse.getLocation();
            String where = at == null ? "" : " (dòng " + at.getLineNr() + ", cột " + at.getColumnNr() + ")";
            return parse.getOriginalMessage() + where;
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
