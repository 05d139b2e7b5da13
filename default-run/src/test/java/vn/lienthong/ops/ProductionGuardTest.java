package vn.lienthong.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import vn.lienthong.axis.AxisProperties;
import vn.lienthong.client.ApiKeyHash;
import vn.lienthong.client.ClientProperties;
import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlSigner;
import vn.lienthong.portal.PortalProperties;
import vn.lienthong.security.AccessProperties;
import vn.lienthong.support.SigningKeys;

/** The prod profile refuses what only belongs on a developer's machine, and names every reason. */
class ProductionGuardTest {

    @Test
    void theDefaultRunsSettingsAreAllRefused() {
        ClientProperties demo = new ClientProperties(List.of(
                new ClientSystem("demo-dvcqg", "demo-dvcqg-key", null, Set.of("000.00.00.H31"), "dvcqg",
                        Set.of("dossier"), null, null, null),
                new ClientSystem("motcua", null, List.of(ApiKeyHash.of("demo-eoffice-key")), null, "dvcqg",
                        Set.of("dossier"), null, null, null)));
        AccessProperties demoUsers = new AccessProperties(List.of(
                new AccessProperties.User("demo-admin", "{noop}demo-admin-password", Set.of("admin"))),
                null, null, null);
        MockEnvironment defaults = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/db/lienthong");

        ProductionGuard guard = new ProductionGuard(demo, demoUsers, portal("dev-portal-password"),
                axis("dev-axis-secret"), EdxmlSigner.fromProperties(EdxmlProperties.defaults().signing()),
                EdxmlProperties.defaults(), defaults);

        assertThatThrownBy(guard::afterPropertiesSet).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo-dvcqg is a demo client")
                .hasMessageContaining("demo-dvcqg has a plaintext api-key")
                .hasMessageContaining("motcua uses a demo API key")
                .hasMessageContaining("user demo-admin is a demo user")
                .hasMessageContaining("demo-admin has a plaintext {noop} password")
                .hasMessageContaining("portal password")
                .hasMessageContaining("document axis secret")
                .hasMessageContaining("DEV key")
                .hasMessageContaining("no truststore")
                .hasMessageContaining("dvcqg simulator is enabled")
                .hasMessageContaining("axis simulator is enabled")
                .hasMessageContaining("eoffice simulator is enabled")
                .hasMessageContaining("motcua simulator is enabled")
                .hasMessageContaining("embedded broker")
                .hasMessageContaining("embedded H2");
    }

    @Test
    void aProductionConfigurationStarts(@TempDir Path dir) {
        ClientProperties real = new ClientProperties(List.of(new ClientSystem("motcua-hungyen", null,
                List.of(ApiKeyHash.of("k7Qe9Vw2Lx4Rt8Yp1Zs6Mn3Bc5")), Set.of("000.00.00.H31"), "dvcqg",
                Set.of("dossier", "progress"), null, null, null)));
        AccessProperties users = new AccessProperties(List.of(new AccessProperties.User("van-hanh",
                "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", Set.of("operator"))), null, null, null);
        MockEnvironment production = new MockEnvironment()
                .withProperty("lienthong.simulator.dvcqg.enabled", "false")
                .withProperty("lienthong.simulator.axis.enabled", "false")
                .withProperty("lienthong.simulator.eoffice.enabled", "false")
                .withProperty("lienthong.simulator.motcua.enabled", "false")
                .withProperty("spring.artemis.embedded.enabled", "false")
                .withProperty("spring.datasource.url", "jdbc:postgresql://postgres:5432/lienthong");

        ProductionGuard guard = new ProductionGuard(real, users, portal("a-real-secret-from-the-vault"),
                axis("another-real-secret-from-the-vault"), EdxmlSigner.load(SigningKeys.generate(dir.resolve("signing.p12")).toString(),
                        SigningKeys.PASSWORD, SigningKeys.ALIAS), withTruststore(dir.resolve("signers.p12")), production);

        assertThat(guard.problems()).isEmpty();
    }

    /** Only the truststore of incoming signatures matters to the guard; the file need not exist for it. */
    private static EdxmlProperties withTruststore(Path truststore) {
        return EdxmlProperties.defaults().withVerification(
                new EdxmlProperties.Verification(null, null, truststore.toString(), "changeit"));
    }

    private static AxisProperties axis(String secret) {
        return new AxisProperties(AxisProperties.Transport.JSON, URI.create("https://axis.example/api"), null,
                "hungyen", secret, Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    private static PortalProperties portal(String password) {
        return new PortalProperties(URI.create("https://dvc.example/auth"), URI.create("https://dvc.example/api"),
                "hungyen", password, "H31", Duration.ofSeconds(5), Duration.ofSeconds(30), List.of("0"),
                List.of("-1"), "already exists", 10, 4);
    }
}
