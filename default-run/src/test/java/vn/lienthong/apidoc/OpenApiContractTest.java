package vn.lienthong.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * The OpenAPI document at /api/v1/openapi.json is the whole REST API: every endpoint the REST DSL serves is in it,
 * every operation in it is served, it is a valid OpenAPI 3.1 document, and the JSON Schemas it references resolve
 * against the running gateway without a login.
 */
class OpenApiContractTest extends GatewayTest {

    @Autowired
    CamelContext camel;

    @Test
    void everyServedEndpointIsInTheDocumentAndEveryOperationInItIsServed() {
        Http.Reply reply = Http.get(documentUrl(), Map.of());
        assertThat(reply.status()).isEqualTo(200);
        JsonNode document = reply.json();
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        String base = document.path("servers").get(0).path("url").asText();

        Set<String> served = new TreeSet<>();
        for (RestDefinition rest : camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                served.add(verb.asVerb().toUpperCase() + " " + "/api" + join(rest.getPath(), verb.getPath()));
            }
        }
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase() + " " + base + path.getKey())));

        assertThat(documented).as("documented operations").containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void theDocumentIsValidAndItsReferencedSchemasResolveFromTheGateway() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(documentUrl(), null, options);

        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKey("/dossiers");
        for (String schema : new String[] {"dvcqg/dossier.schema.json", "canonical/progress-item.schema.json",
                "documents/document.schema.json", "documents/document-status.schema.json"}) {
            Http.Reply reply = Http.get("http://127.0.0.1:" + port + "/api/v1/schemas/" + schema, Map.of());
            assertThat(reply.status()).as(schema).isEqualTo(200);
            assertThat(reply.json().path("$schema").asText()).contains("2020-12");
        }
        assertThat(Http.get("http://127.0.0.1:" + port + "/api/v1/schemas/dvcqg/dossier-to-canonical.jsonata", Map.of())
                .status()).as("nothing else of mappings/ is served").isEqualTo(404);
        assertThat(Http.get("http://127.0.0.1:" + port + "/api/v1/schemas/code-tables/ma-don-vi.json", Map.of())
                .status()).isEqualTo(404);
    }

    private String documentUrl() {
        return "http://127.0.0.1:" + port + "/api/v1/openapi.json";
    }

    private static String join(String base, String path) {
        String b = base.startsWith("/") ? base : "/" + base;
        return b + (path.startsWith("/") ? path : "/" + path);
    }
}
