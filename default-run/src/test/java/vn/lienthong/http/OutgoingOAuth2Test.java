package vn.lienthong.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.axis.AxisJsonTransport;
import vn.lienthong.axis.AxisProperties;
import vn.lienthong.axis.AxisProperties.Transport;
import vn.lienthong.axis.AxisSoapTransport;
import vn.lienthong.axis.AxisTransport;
import vn.lienthong.portal.PortalClient;
import vn.lienthong.portal.PortalProperties;
import vn.lienthong.portal.PortalUnavailableException;
import vn.lienthong.support.DvcqgSimulator;
import vn.lienthong.support.LgspStub;

/**
 * The portal client and both axis transports behind a province's LGSP (a stub that lets a call through to the
 * simulators only with a bearer token it issued): the token arrives on every call, is asked for once and reused,
 * renewed before it expires and once after the LGSP refuses it; the client secret never appears in a log or an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutgoingOAuth2Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIMULATOR = rootOf(DvcqgSimulator.shared().baseUrl());
    private static Bus bus;

    private LgspStub lgsp;
    private PortalClient portal;
    private AxisTransport axis;

    @BeforeAll
    static void cxfBus() {
        bus = BusFactory.newInstance().createBus();
    }

    @AfterAll
    static void shutdownBus() {
        bus.shutdown(true);
    }

    @BeforeEach
    void startLgsp() throws Exception {
        lgsp = new LgspStub(SIMULATOR);
    }

    @AfterEach
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
        if (axis instanceof AutoCloseable closeable) {
            closeable.close();
        }
        lgsp.close();
    }

    @Test
    void everyPortalCallCarriesTheTokenAskedForOnceWithTheClientsCredentialsScopeAndAudience() {
        portal = portal(oauth2(LgspStub.CLIENT_SECRET, OAuth2ClientProperties.ClientAuthentication.BASIC));

        for (int i = 0; i < 3; i++) {
            portal.call(lookUp());
        }

        assertThat(lgsp.calls()).extracting(LgspStub.Call::path).containsExactly("/sim/dvcqg/auth",
                "/sim/dvcqg/api", "/sim/dvcqg/api", "/sim/dvcqg/api");
        assertThat(lgsp.calls()).allSatisfy(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer lgsp-token-1");
            assertThat(call.status()).isEqualTo(200);
        });
        assertThat(lgsp.tokensIssued()).as("one token for every call").isEqualTo(1);
        LgspStub.TokenRequest asked = lgsp.tokenRequests().get(0);
        assertThat(asked.headers().get("authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (LgspStub.CLIENT_ID + ":" + LgspStub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(asked.form()).containsEntry("grant_type", "client_credentials")
                .containsEntry("scope", "dvcqg.sync dvcqg.read").containsEntry("audience", "https://lgsp.example/dvcqg")
                .doesNotContainKey("client_secret");
    }

    @Test
    void aTokenIsRenewedBeforeItExpires() {
        lgsp.expiresIn(1); // renewed half-way through its second: earlier than renew-before would say
        portal = portal(oauth2(LgspStub.CLIENT_SECRET, OAuth2ClientProperties.ClientAuthentication.POST));
        portal.call(lookUp());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            portal.call(lookUp());
            return lgsp.tokensIssued() == 2;
        });

        List<LgspStub.Call> calls = lgsp.calls();
        assertThat(calls.get(calls.size() - 1).authorization()).isEqualTo("Bearer lgsp-token-2");
        assertThat(calls).allSatisfy(call -> assertThat(call.status()).as("never sent expired").isEqualTo(200));
        assertThat(lgsp.tokenRequests().get(0).form()).containsEntry("client_id", LgspStub.CLIENT_ID)
                .containsEntry("client_secret", LgspStub.CLIENT_SECRET);
        assertThat(lgsp.tokenRequests().get(0).headers()).doesNotContainKey("authorization");
    }

    @Test
    void aTokenTheLgspRefusesIsRenewedOnceAndTheCallMadeAgain() {
        portal = portal(oauth2(LgspStub.CLIENT_SECRET, OAuth2ClientProperties.ClientAuthentication.BASIC));
        portal.call(lookUp());
        lgsp.revokeAll();

        portal.call(lookUp());

        assertThat(lgsp.calls()).extracting(LgspStub.Call::authorization, LgspStub.Call::status).endsWith(
                org.assertj.core.groups.Tuple.tuple("Bearer lgsp-token-1", 401),
                org.assertj.core.groups.Tuple.tuple("Bearer lgsp-token-2", 200));
        assertThat(lgsp.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aRefusedClientSecretIsAnUnavailablePortalAndTheSecretIsNeverLogged(CapturedOutput output) throws Exception {
        String wrong = "not-the-lgsp-secret-4711";
        portal = portal(oauth2(wrong, OAuth2ClientProperties.ClientAuthentication.BASIC));

        assertThatThrownBy(() -> portal.call(lookUp())).isInstanceOf(PortalUnavailableException.class)
                .hasMessageContaining(lgsp.tokenUrl().toString()).hasMessageContaining("HTTP 401")
                .hasMessageContaining("invalid_client").message().doesNotContain(wrong);
        assertThat(lgsp.calls()).as("nothing sent without a token").isEmpty();

        portal.close();
        portal = portal(oauth2(LgspStub.CLIENT_SECRET, OAuth2ClientProperties.ClientAuthentication.POST));
        portal.call(lookUp());
        assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(LgspStub.CLIENT_SECRET)
                .doesNotContain("lgsp-token-");
        assertThat(oauth2(wrong, OAuth2ClientProperties.ClientAuthentication.POST).toString()).doesNotContain(wrong);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Transport.class)
    void everyAxisCallCarriesTheTokenAndARefusedOneIsRenewedOnce(Transport transport) {
        axis = axis(transport);

        assertThat(axis.agencies()).isNotEmpty();
        axis.received();
        assertThat(lgsp.calls()).isNotEmpty().allSatisfy(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer lgsp-token-1");
            assertThat(call.status()).isEqualTo(200);
        });
        assertThat(lgsp.tokensIssued()).isEqualTo(1);

        lgsp.revokeAll();
        assertThat(axis.agencies()).isNotEmpty();

        assertThat(lgsp.calls()).extracting(LgspStub.Call::authorization, LgspStub.Call::status).endsWith(
                org.assertj.core.groups.Tuple.tuple("Bearer lgsp-token-1", 401),
                org.assertj.core.groups.Tuple.tuple("Bearer lgsp-token-2", 200));
        assertThat(lgsp.tokensIssued()).isEqualTo(2);
    }

    @Test
    void theSettingsBindUnderThePortalAndTheAxisAndAreOffByDefault() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "lienthong.portal.auth-url", "https://dvc.example/auth",
                "lienthong.portal.integration-url", "https://dvc.example/api",
                "lienthong.portal.oauth2.enabled", "true",
                "lienthong.portal.oauth2.token-url", "https://lgsp.example/token",
                "lienthong.portal.oauth2.client-id", "lienthong-h31",
                "lienthong.portal.oauth2.client-secret", "s3cret-from-the-environment",
                "lienthong.portal.oauth2.scope", "dvcqg",
                "lienthong.axis.base-url", "https://axis.example/api")));

        OAuth2ClientProperties portalOauth2 = binder.bind("lienthong.portal", PortalProperties.class).get().oauth2();
        assertThat(portalOauth2.enabled()).isTrue();
        assertThat(portalOauth2.tokenUrl()).isEqualTo(URI.create("https://lgsp.example/token"));
        assertThat(portalOauth2.clientSecret()).isEqualTo("s3cret-from-the-environment");
        assertThat(portalOauth2.renewBefore()).isEqualTo(Duration.ofSeconds(30));
        assertThat(portalOauth2.clientAuthentication()).isEqualTo(OAuth2ClientProperties.ClientAuthentication.BASIC);
        assertThat(portalOauth2.toString()).doesNotContain("s3cret");
        assertThat(binder.bind("lienthong.axis", AxisProperties.class).get().oauth2().enabled()).isFalse();
    }

    // ---- helpers ----

    private OAuth2ClientProperties oauth2(String secret, OAuth2ClientProperties.ClientAuthentication authentication) {
        return new OAuth2ClientProperties(true, lgsp.tokenUrl(), LgspStub.CLIENT_ID, secret, "dvcqg.sync dvcqg.read",
                "https://lgsp.example/dvcqg", authentication, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private PortalClient portal(OAuth2ClientProperties oauth2) {
        String base = lgsp.url() + "/sim/dvcqg";
        return new PortalClient(new PortalProperties(URI.create(base + "/auth"), URI.create(base + "/api"),
                "lienthong", "dev-portal-password", "H31", Duration.ofSeconds(5), Duration.ofSeconds(30),
                List.of("0", "00"), List.of("-1"), "(?i)already exists", 10, 2, oauth2), JSON);
    }

    private AxisTransport axis(Transport transport) {
        AxisProperties properties = new AxisProperties(transport, URI.create(lgsp.url() + "/sim/axis"),
                URI.create(lgsp.url() + "/services/sim/axis"), "lienthong", "dev-axis-secret", Duration.ofSeconds(5),
                Duration.ofSeconds(30), oauth2(LgspStub.CLIENT_SECRET,
                OAuth2ClientProperties.ClientAuthentication.BASIC));
        return transport == Transport.JSON ? new AxisJsonTransport(properties, JSON)
                : new AxisSoapTransport(properties, bus);
    }

    private static ObjectNode lookUp() {
        return JSON.createObjectNode().put("madonvi", "000.00.00.H31").put("service", "TraCuuHoSo")
                .put("MaHoSo", "000.00.31.H31-oauth2-lookup");
    }

    private static String rootOf(String dvcqgBaseUrl) {
        return dvcqgBaseUrl.substring(0, dvcqgBaseUrl.indexOf("/sim/dvcqg"));
    }
}
