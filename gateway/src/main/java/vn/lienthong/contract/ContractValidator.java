package vn.lienthong.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;

import vn.lienthong.mapping.MappingsProperties;

/**
 * The contract check at the door: a body is parsed strictly and validated against its input format's JSON Schema
 * ({@code mappings/<format>/<kind schema>}), and every problem is reported at once so a client fixes all in one go.
 */
@Component
public class ContractValidator {

    private static final String UNIT_PROPERTY = "MaDonVi";

    private final JsonBodyReader reader;
    private final ContractSchemas schemas;
    private final SchemaProblems problems;

    public ContractValidator(MappingsProperties properties, ObjectMapper json) {
        List<ExplainedFormat> formats = List.of(new DvcqgDateTimeFormat(), new IsoDateTimeOffsetFormat());
        this.reader = new JsonBodyReader(json);
        this.schemas = new ContractSchemas(properties.directory(), json, formats);
        this.problems = new SchemaProblems(formats);
    }

    /**
     * Parses UTF-8 JSON bytes and validates them against {@code mappings/<format>/<kind schema>} (documents: one
     * contract for every format, {@link MessageKind#schemaFolder}).
     *
     * @return the parsed body, unchanged (a batch body stays an object or an array, as sent)
     * @throws InvalidMessageException  with every problem, sorted by path
     * @throws IllegalArgumentException if {@code format} has no schema for {@code kind}
     */
    public JsonNode parseAndValidate(byte[] body, String format, MessageKind kind) {
        JsonNode node = read(body);
        validate(node, format, kind);
        return node;
    }

    /** Parses UTF-8 JSON bytes strictly ({@link JsonBodyReader}); InvalidMessageException when they are not acceptable JSON. */
    public JsonNode read(byte[] body) {
        return reader.read(body);
    }

    /**
     * Validates a parsed body: one message, or for a batch kind a non-empty array of them (problems of item i have
     * paths {@code /i/...}).
     *
     * @throws InvalidMessageException with every problem, sorted by path
     */
    public void validate(JsonNode node, String format, MessageKind kind) {
        JsonSchema schema = schemas.schema(kind.schemaFolder(format), kind);
        List<Problem> found = new ArrayList<>();
        if (kind.batch() && node.isArray()) {
            if (node.isEmpty()) {
                found.add(new Problem("", "must not be an empty array: send at least one " + kind.fileStem() + " item"));
            }
            for (int i = 0; i < node.size(); i++) {
                validateOne(schema, node.get(i), "/" + i, kind, found);
            }
        } else if (node.isObject()) {
            found.addAll(problems.translate(schema.validate(node), ""));
        } else {
            found.add(new Problem("", kind.batch()
                    ? "must be a JSON object (one " + kind.fileStem() + " item) or a non-empty array of them"
                    : "must be a JSON object (one " + kind.fileStem() + ")"));
        }
        if (!found.isEmpty()) {
            found.sort(SchemaProblems.ORDER);
            throw new InvalidMessageException(found);
        }
    }

    /**
     * The properties of a valid body that its format's schema does not describe, as JSON pointers in the body (items
     * of a batch: {@code /i/...}), in the order they appear.
     */
    public List<String> unknownFields(JsonNode node, String format, MessageKind kind) {
        JsonNode schema = schemas.written(kind.schemaFolder(format), kind);
        if (kind.batch() && node.isArray()) {
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                unknown.addAll(UnknownFields.find(schema, node.get(i), "/" + i));
            }
            return unknown;
        }
        return UnknownFields.find(schema, node, "");
    }

    /**
     * The name a format gives the dossier's unit code: its dossier schema's property spelt {@code MaDonVi} in any
     * case ({@code MaDonVi}, {@code maDonVi}); empty when the format has none.
     */
    public Optional<String> unitProperty(String format) {
        JsonNode properties = schemas.written(MessageKind.DOSSIER.schemaFolder(format), MessageKind.DOSSIER)
                .path("properties");
        for (String name : (Iterable<String>) properties::fieldNames) {
            if (name.equalsIgnoreCase(UNIT_PROPERTY)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Loads the schemas of every message kind of {@code format}: lets the caller refuse an unknown format at startup. */
    public void preload(String format) {
        for (MessageKind kind : MessageKind.values()) {
            schemas.schema(kind.schemaFolder(format), kind);
        }
    }

    private void validateOne(JsonSchema schema, JsonNode item, String path, MessageKind kind, List<Problem> found) {
        if (!item.isObject()) {
            found.add(new Problem(path, "must be a JSON object (one " + kind.fileStem() + " item)"));
            return;
        }
        found.addAll(problems.translate(schema.validate(item), path));
    }
}
