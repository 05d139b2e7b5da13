package vn.lienthong.apidoc;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import vn.lienthong.ingress.IngressRefusedException;
import vn.lienthong.mapping.MappingsProperties;

/**
 * The API's OpenAPI document, written contract-first in {@code mappings/openapi.yaml}, served as JSON at
 * {@code GET /api/v1/openapi.json}, and the JSON Schemas it references, served at
 * {@code GET /api/v1/schemas/{folder}/{file}} from the same folder the gateway validates with (one copy of each).
 * In the repository a reference reads {@code ./dvcqg/dossier.schema.json} (beside the document); served, it reads
 * {@code schemas/dvcqg/dossier.schema.json}, which resolves against the document's own URL.
 */
@Component("openApiDocument")
public class OpenApiDocument {

    static final String FILE = "openapi.yaml";
    /** The folders of mappings/ whose schemas are part of the contract. */
    private static final Set<String> SCHEMA_FOLDERS = Set.of("dvcqg", "canonical", "documents", "national");
    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z-]+\\.schema\\.json");

    private final Path directory;
    private final byte[] served;

    public OpenApiDocument(MappingsProperties mappings, ObjectMapper json) throws IOException {
        this.directory = mappings.directory().toAbsolutePath().normalize();
        Object yaml;
        try (Reader in = Files.newBufferedReader(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        JsonNode document = json.valueToTree(yaml);
        servedReferences(document);
        this.served = json.writeValueAsBytes(document);
    }

    /** Route step: the document, as JSON. */
    public void document(Exchange exchange) {
        answer(exchange, "application/json", served);
    }

    /** Route step: one referenced schema (404 for anything else: nothing else of mappings/ is served). */
    public void schema(Exchange exchange) throws IOException {
        String folder = exchange.getIn().getHeader("folder", String.class);
        String file = exchange.getIn().getHeader("file", String.class);
        Path schema = folder == null || file == null || !SCHEMA_FOLDERS.contains(folder)
                || !SCHEMA_FILE.matcher(file).matches() ? null : directory.resolve(folder).resolve(file);
        if (schema == null || !Files.isRegularFile(schema)) {
            throw new IngressRefusedException(404, "", "no schema " + folder + "/" + file);
        }
        answer(exchange, "application/schema+json", Files.readAllBytes(schema));
    }

    private static void servedReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("./")) {
                object.set("$ref", TextNode.valueOf("schemas/" + ref.asText().substring(2)));
            }
            object.elements().forEachRemaining(OpenApiDocument::servedReferences);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(OpenApiDocument::servedReferences);
        }
    }

    private static void answer(Exchange exchange, String contentType, byte[] body) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body);
    }
}
