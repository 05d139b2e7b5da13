package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * mTLS: the gateway on HTTPS asking for a client certificate (server.ssl.client-auth=want), a client known by its
 * certificate's subject, all certificates made for the test by a local authority.
 */
@TestPropertySource(locations = "classpath:security/mtls-clients.properties",
        properties = { "spring.artemis.embedded.server-id=13",
                "camel.servlet.mapping.servlet-name=CamelServletCertificateTest",
                "camel.component.servlet.servlet-name=CamelServletCertificateTest" })
class ClientCertificateTest extends GatewayTest {

    private static final Path DIR = directory();
    private static final TestCertificates PROVINCE_CA = new TestCertificates("CN=Test CA,O=Tinh Hung Yen,C=VN");
    private static final Path SERVER = PROVINCE_CA.issue(DIR.resolve("server.p12"), "CN=127.0.0.1", true);
    private static final Path TRUST = PROVINCE_CA.trustStore(DIR.resolve("trust.p12"));
    private static final Path KNOWN = PROVINCE_CA.issue(DIR.resolve("motcua.p12"),
            "CN=motcua-hungyen,O=So TTTT Hung Yen,C=VN", false);
    private static final Path UNKNOWN = PROVINCE_CA.issue(DIR.resolve("stranger.p12"),
            "CN=stranger,O=Somewhere,C=VN", false);
    private static final Path FOREIGN = new TestCertificates("CN=Other CA").issue(DIR.resolve("foreign.p12"),
            "CN=motcua-hungyen,O=So TTTT Hung Yen,C=VN", false);

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.key-store", () -> "file:" + SERVER);
        registry.add("server.ssl.trust-store", () -> "file:" + TRUST);
    }

    @Test
    void aClientCertificateWhoseSubjectIsConfiguredActsAsItsClient() {
        HttpResponse<String> accepted = postDossier(KNOWN);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String trackingId = Http.JSON.valueToTree(parse(accepted.body())).get("trackingId").asText();
        HttpResponse<String> tracking = send(KNOWN, HttpRequest.newBuilder(uri("/api/v1/tracking/" + trackingId))
                .GET().build());
        assertThat(tracking.body()).contains("\"clientId\":\"motcua-hungyen\"");
    }

    @Test
    void anUnknownSubjectOrNoCertificateIsRefused() {
        HttpResponse<String> stranger = postDossier(UNKNOWN);
        HttpResponse<String> none = postDossier(null);

        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).contains("no client has the certificate subject CN=stranger");
        assertThat(none.statusCode()).isEqualTo(401);
    }

    @Test
    void aCertificateFromAnotherAuthorityWithTheSameSubjectIsNotTheClient() {
        int status;
        try {
            status = postDossier(FOREIGN).statusCode();
        } catch (UncheckedIOException handshakeRefused) {
            status = 0;
        }
        assertThat(status).as("refused in the TLS handshake (0) or unauthenticated").isIn(0, 401);
    }

    private HttpResponse<String> postDossier(Path certificate) {
        return send(certificate, HttpRequest.newBuilder(uri("/api/v1/dossiers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.bytes(Dossiers.dvcqg(Dossiers.newMaHoSo()))))
                .build());
    }

    private HttpResponse<String> send(Path certificate, HttpRequest request) {
        SSLContext tls = TestCertificates.client(certificate, TRUST);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    private static Object parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        try {
            return Files.createTempDirectory("mtls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
