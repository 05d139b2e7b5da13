package vn.lienthong.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/** The JSON Schemas of the input formats under {@code mappings/<format>/}, each loaded once and kept. */
final class ContractSchemas {

    /** A format is a folder name: no path tricks in a configured value. */
    private static final Pattern FORMAT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Path directory;
    private final ObjectMapper json;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    /** A schema compiled for validation, and as written (to know which properties a format describes). */
    record Loaded(JsonSchema compiled, JsonNode written) {
    }

    ContractSchemas(Path directory, ObjectMapper json, List<ExplainedFormat> formats) {
        this.directory = directory;
        this.json = json;
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012()).formats(formats).build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.metaSchema(metaSchema));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true) // 2020-12 only annotates formats unless told to assert them
                .errorMessageKeyword("errorMessage") // lets a schema word a problem for people
                .failFast(false)
                .build();
    }

    /** The schema of one message of {@code kind} in {@code format}; IllegalArgumentException if the format has none. */
    JsonSchema schema(String format, MessageKind kind) {
        return loaded(format, kind).compiled();
    }

    /** The schema file's own tree, read-only. */
    JsonNode written(String format, MessageKind kind) {
        return loaded(format, kind).written();
    }

    private Loaded loaded(String format, MessageKind kind) {
        if (format == null || !FORMAT_NAME.matcher(format).matches()) {
            throw new IllegalArgumentException("not an input format name: '" + format + "'");
        }
        return cache.computeIfAbsent(format + "/" + kind.schemaFile(), key -> load(format, kind));
    }

    private Loaded load(String format, MessageKind kind) {
        Path file = directory.resolve(format).resolve(kind.schemaFile());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input format '" + format + "' has no " + kind.fileStem()
                    + " schema: " + file.toAbsolutePath() + " is missing");
        }
        try {
            JsonNode schema = json.readTree(Files.readAllBytes(file));
            JsonSchema compiled = factory.getSchema(file.toUri(), schema, config);
            compiled.initializeValidators(); // fail on a broken schema now, not on the first message
            return new Loaded(compiled, schema);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
