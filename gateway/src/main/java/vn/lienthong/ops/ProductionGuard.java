package vn.lienthong.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.lienthong.axis.AxisProperties;
import vn.lienthong.client.ApiKeyHash;
import vn.lienthong.client.ClientProperties;
import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlSigner;
import vn.lienthong.portal.PortalProperties;
import vn.lienthong.security.AccessProperties;

/**
 * Refuses to start the {@code prod} profile with anything meant for a developer's machine: demo clients and users,
 * plaintext API keys and passwords, the simulators' password and document axis secret, the DEV signing key, no
 * truststore for incoming signatures, the in-process simulators, the embedded broker or the embedded database
 * (README "Production" lists them all).
 */
@Component
@Profile("prod")
public class ProductionGuard implements InitializingBean {

    static final Set<String> DEMO_KEYS = Set.of("demo-dvcqg-key", "demo-canonical-key", "demo-eoffice-key",
            "demo-operator-key", "demo-national-key", "demo-manager-key");
    static final String DEV_PORTAL_PASSWORD = "dev-portal-password";

    private final ClientProperties clients;
    private final AccessProperties access;
    private final PortalProperties portal;
    private final AxisProperties axis;
    private final EdxmlSigner signer;
    private final EdxmlProperties edxml;
    private final Environment environment;

    public ProductionGuard(ClientProperties clients, AccessProperties access, PortalProperties portal,
            AxisProperties axis, EdxmlSigner signer, EdxmlProperties edxml, Environment environment) {
        this.clients = clients;
        this.access = access;
        this.portal = portal;
        this.axis = axis;
        this.signer = signer;
        this.edxml = edxml;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses to start:\n - " + String.join("\n - ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (clients.systems().isEmpty()) {
            problems.add("no client systems configured (lienthong.clients.systems)");
        }
        for (ClientSystem client : clients.systems()) {
            if (client.id().startsWith("demo-")) {
                problems.add("client " + client.id() + " is a demo client");
            }
            if (client.apiKey() != null && !client.apiKey().isEmpty()) {
                problems.add("client " + client.id() + " has a plaintext api-key: configure its SHA-256 in "
                        + "api-key-hashes (java -cp gateway/target/classes vn.lienthong.client.ApiKeyHash)");
            }
            for (String hash : client.apiKeyHashes()) {
                if (DEMO_KEYS.stream().map(ApiKeyHash::of).anyMatch(demo -> demo.equalsIgnoreCase(hash.trim()))) {
                    problems.add("client " + client.id() + " uses a demo API key");
                }
            }
        }
        for (AccessProperties.User user : access.users()) {
            if (user.name().startsWith("demo-")) {
                problems.add("user " + user.name() + " is a demo user (lienthong.security.users)");
            }
            if (user.password().regionMatches(true, 0, "{noop}", 0, 6)) {
                problems.add("user " + user.name() + " has a plaintext {noop} password: store a {bcrypt} hash");
            }
        }
        if (portal.password() == null || portal.password().isBlank() || DEV_PORTAL_PASSWORD.equals(portal.password())) {
            problems.add("the portal password is empty or the simulator's default (set DVCQG_PASSWORD)");
        }
        if (axis.secret() == null || axis.secret().isBlank() || AxisProperties.DEV_SECRET.equals(axis.secret())) {
            problems.add("the document axis secret is empty or the simulator's default (set AXIS_SECRET)");
        }
        String truststore = edxml.verification().truststore();
        if (truststore == null || truststore.isBlank()) {
            problems.add("incoming edXML signatures would be checked against no truststore, so a signature by any key "
                    + "would be VALID (set lienthong.edxml.verification.truststore: EDXML_TRUSTSTORE)");
        }
        if (signer.isDevKey()) {
            problems.add("outgoing documents would be signed with the shipped DEV key (set lienthong.edxml.signing.*)");
        }
        for (String simulator : List.of("dvcqg", "axis", "eoffice", "motcua")) {
            if (environment.getProperty("lienthong.simulator." + simulator + ".enabled", Boolean.class, true)) {
                problems.add("the " + simulator + " simulator is enabled (lienthong.simulator." + simulator + ".enabled)");
            }
        }
        if (environment.getProperty("spring.artemis.embedded.enabled", Boolean.class, true)) {
            problems.add("the embedded broker is enabled: production uses an external Artemis pair (ARTEMIS_URL)");
        }
        String database = environment.getProperty("spring.datasource.url", "");
        if (database.startsWith("jdbc:h2:")) {
            problems.add("the database is the embedded H2: production uses PostgreSQL (DATABASE_URL)");
        }
        return problems;
    }
}
