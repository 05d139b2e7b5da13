package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.Http;

/**
 * OAuth2 bearer tokens as the province's LGSP issues them (client credentials, JWT), from a local issuer key made for
 * the test: the token's client claim names the client, whose kinds and units then apply as with its API key.
 */
class BearerTokenTest extends SecuredGatewayTest {

    @Test
    void aValidTokenActsAsTheClientItNames() {
        Http.Reply accepted = post(TestTokens.valid("demo-dvcqg"));
        Http.Reply wrongKind = Http.post(url("/api/v1/documents/status"), "{}".getBytes(), Map.of(
                "Content-Type", "application/json", "Authorization", "Bearer " + TestTokens.valid("demo-dvcqg")));

        assertThat(accepted.status()).isEqualTo(202);
        String trackingId = accepted.json().get("trackingId").asText();
        assertThat(Http.get(url("/api/v1/tracking/" + trackingId), Map.of("Authorization",
                "Bearer " + TestTokens.valid("demo-dvcqg"))).json().get("clientId").asText()).isEqualTo("demo-dvcqg");
        assertThat(wrongKind.status()).isEqualTo(403);
    }

    @Test
    void aTokenForAnotherAudienceExpiredSignedByAnotherKeyOrNamingNoClientIsRefused() {
        Instant later = Instant.now().plusSeconds(300);
        Http.Reply audience = post(TestTokens.token(true, TestTokens.ISSUER, List.of("another-api"), "demo-dvcqg",
                later));
        Http.Reply expired = post(TestTokens.token(true, TestTokens.ISSUER, List.of(TestTokens.AUDIENCE),
                "demo-dvcqg", Instant.now().minusSeconds(600)));
        Http.Reply issuer = post(TestTokens.token(true, "https://elsewhere.example", List.of(TestTokens.AUDIENCE),
                "demo-dvcqg", later));
        Http.Reply otherKey = post(TestTokens.token(false, TestTokens.ISSUER, List.of(TestTokens.AUDIENCE),
                "demo-dvcqg", later));
        Http.Reply unknownClient = post(TestTokens.token(true, TestTokens.ISSUER, List.of(TestTokens.AUDIENCE),
                "nobody", later));

        assertThat(audience.status()).isEqualTo(401);
        assertThat(message(audience)).contains("audience lienthong");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(message(expired)).containsIgnoringCase("expired");
        assertThat(issuer.status()).isEqualTo(401);
        assertThat(otherKey.status()).isEqualTo(401);
        assertThat(unknownClient.status()).isEqualTo(401);
        assertThat(message(unknownClient)).isEqualTo("the bearer token's client_id names no configured client");
    }

    private Http.Reply post(String token) {
        return Http.post(url("/api/v1/dossiers"), Http.bytes(Dossiers.dvcqg(Dossiers.newMaHoSo())),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token));
    }

    private static String message(Http.Reply reply) {
        return reply.json().get("errors").get(0).get("message").asText();
    }
}
