package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * Every case under {@code src/test/resources/hostile/} (its README says how to write one) through real HTTP: the
 * exact status, never a 5xx, a bounded JSON answer listing the problems, and nothing accepted from a refusal.
 */
class HostileInputTest extends GatewayTest {

    private static final Path CASES = testResources("/hostile");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.walk(CASES)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> CASES.relativize(file).toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isAnsweredAsExpected(String name) throws IOException {
        JsonNode spec = Http.JSON.readTree(CASES.resolve(name).toFile());
        String maHoSo = Dossiers.newMaHoSo();
        JsonNode expect = spec.path("expect");

        Http.Reply reply = Http.post(api.baseUrl() + spec.path("path").asText("/api/v1/dossiers").replace("{{maHoSo}}", maHoSo),
                body(spec, maHoSo), headers(spec));

        assertThat(reply.status()).as("%s: %s", name, reply.text()).isEqualTo(expect.path("status").asInt());
        assertThat(reply.status()).as(name).isLessThan(500);
        if (expect.has("tracking")) {
            JsonNode record = api.tracking(apiKey(spec), reply.json().path("trackingId").asText());
            expect.path("tracking").properties().forEach(field -> assertThat(record.at(field.getKey()).asText())
                    .as("%s: tracking %s", name, field.getKey()).isEqualTo(field.getValue().asText()));
        }
        if (reply.status() >= 400) {
            JsonNode answer = reply.json();
            List<String> paths = new ArrayList<>();
            answer.path("errors").forEach(error -> paths.add(error.path("path").asText()));
            assertThat(paths).as(name).isNotEmpty().hasSizeLessThanOrEqualTo(IngressReply.MAX_LISTED_PROBLEMS);
            expect.path("paths").forEach(path -> assertThat(paths).as(name).contains(path.asText()));
            if (expect.has("errorCount")) {
                assertThat(answer.path("errorCount").asInt()).as(name).isEqualTo(expect.path("errorCount").asInt());
            }
            if (expect.has("maxBodyBytes")) {
                assertThat(reply.body().length).as(name).isLessThanOrEqualTo(expect.path("maxBodyBytes").asInt());
            }
            assertThat(api.trail(GatewayApi.DVCQG_CLIENT_KEY, maHoSo).status()).as("%s: nothing accepted", name)
                    .isEqualTo(404);
        }
    }

    private static Map<String, String> headers(JsonNode spec) {
        Map<String, String> headers = new HashMap<>();
        if (spec.has("headers")) {
            spec.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        } else if (spec.has("multipart")) {
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary(spec));
        } else {
            headers.put("Content-Type", "application/json");
        }
        if (!spec.path("apiKey").isNull()) {
            headers.put("X-API-Key", apiKey(spec));
        }
        return headers;
    }

    private static String apiKey(JsonNode spec) {
        return spec.path("apiKey").asText(GatewayApi.DVCQG_CLIENT_KEY);
    }

    private static String boundary(JsonNode spec) {
        return spec.path("multipart").path("boundary").asText("hostile-boundary");
    }

    /** Each part: its headers, then its {@code json}, its {@code text}, or {@code size} bytes of 'x'. */
    private static byte[] multipart(JsonNode spec, String maHoSo) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String boundary = boundary(spec);
        for (JsonNode part : spec.path("multipart").path("parts")) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.path("name").asText()).append('"');
            if (part.has("filename")) {
                head.append("; filename=\"").append(part.path("filename").asText()).append('"');
            }
            head.append("\r\n");
            if (part.has("contentType")) {
                head.append("Content-Type: ").append(part.path("contentType").asText()).append("\r\n");
            }
            body.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (part.has("json")) {
                body.write(Http.JSON.writeValueAsString(part.get("json")).replace("{{maHoSo}}", maHoSo)
                        .getBytes(StandardCharsets.UTF_8));
            } else if (part.has("size")) {
                byte[] content = new byte[part.path("size").asInt()];
                java.util.Arrays.fill(content, (byte) 'x');
                body.write(content);
            } else {
                body.write(part.path("text").asText().replace("{{maHoSo}}", maHoSo).getBytes(StandardCharsets.UTF_8));
            }
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] body(JsonNode spec, String maHoSo) throws IOException {
        byte[] body;
        if (spec.has("body")) {
            body = Http.JSON.writeValueAsString(spec.get("body")).replace("{{maHoSo}}", maHoSo)
                    .getBytes(StandardCharsets.UTF_8);
        } else if (spec.has("bodyBase64")) {
            body = Base64.getDecoder().decode(spec.path("bodyBase64").asText());
        } else if (spec.has("multipart")) {
            body = multipart(spec, maHoSo);
        } else if (spec.has("bodyFile")) {
            String text = Files.readString(testResources("/").resolve(spec.path("bodyFile").asText()));
            for (var replace : spec.path("replace").properties()) {
                text = text.replace(replace.getKey(), replace.getValue().asText());
            }
            body = text.replace("{{maHoSo}}", maHoSo).getBytes(StandardCharsets.UTF_8);
        } else if (spec.has("bodyRepeat")) {
            JsonNode repeat = spec.path("bodyRepeat");
            StringBuilder text = new StringBuilder(repeat.path("prefix").asText());
            for (int i = 0; i < repeat.path("count").asInt(); i++) {
                text.append(i == 0 ? "" : repeat.path("separator").asText()).append(repeat.path("item").asText());
            }
            body = text.append(repeat.path("suffix").asText()).toString().getBytes(StandardCharsets.UTF_8);
        } else {
            body = spec.path("bodyText").asText()
                    .replace("{{dossier}}", Http.JSON.writeValueAsString(Dossiers.dvcqg(maHoSo)))
                    .replace("{{maHoSo}}", maHoSo).getBytes(StandardCharsets.UTF_8);
        }
        return spec.path("gzip").asBoolean() ? gzip(body) : body;
    }

    /** A folder of src/test/resources, as the build copied it onto the test classpath. */
    private static Path testResources(String folder) {
        try {
            return Path.of(HostileInputTest.class.getResource(folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
            out.write(body);
        }
        return packed.toByteArray();
    }
}
