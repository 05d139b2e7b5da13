package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Http;

/**
 * The console's Jolokia, attacked as issue 12 describes: what each role may call, what no role may call, and other
 * web sites. Every call goes over HTTP to the real Jolokia agent with the real MBeans (JMX on).
 */
class JolokiaPolicyTest extends SecuredGatewayTest {

    private static final String VIEWER = basic("demo-viewer");
    private static final String OPERATOR = basic("demo-operator");
    private static final String ADMIN = basic("demo-admin");

    private ConsoleCalls console;

    @BeforeEach
    void console() {
        console = new ConsoleCalls(port);
    }

    @Test
    void jolokiaNeedsALogin() {
        Http.Reply anonymous = console.jolokia(Map.of("type", "version"), Map.of());
        Http.Reply wrongPassword = console.jolokia(Map.of("type", "version"),
                Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "demo-admin:guess".getBytes())));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.text()).doesNotContain("guess");
    }

    @Test
    void aViewerReadsAttributesAndDrawsTheRoutesButChangesNothing() {
        String context = camelContext();

        assertThat(console.read(VIEWER, "java.lang:type=Memory", "HeapMemoryUsage").get("status").asInt())
                .isEqualTo(200);
        JsonNode routes = console.exec(VIEWER, context, "dumpRoutesAsXml()");
        assertThat(routes.get("status").asInt()).isEqualTo(200);
        assertThat(routes.get("value").asText()).contains("dossier-ingress");

        assertThat(status(console.exec(VIEWER, "lienthong:type=DeadLetters", "list", "", ""))).isEqualTo(403);
        assertThat(status(console.exec(VIEWER, context, "stopRoute(java.lang.String)", "axis-poll")))
                .isEqualTo(403);
        assertThat(status(console.exec(VIEWER, "java.lang:type=Memory", "gc()"))).isEqualTo(403);
    }

    @Test
    void aViewerReadsTheQueuesAsTheApiListsThem() {
        JsonNode queues = console.jolokia(Map.of("type", "read", "mbean", "lienthong:type=Queues"),
                Map.of("Authorization", VIEWER)).json();

        assertThat(queues.get("status").asInt()).isEqualTo(200);
        assertThat(queues.get("value").size()).as("every queue of lienthong.queues").isEqualTo(8);
        JsonNode toPortal = queues.get("value").get("lienthong.dossier.to-portal");
        assertThat(toPortal.get("consumers").asInt()).isEqualTo(16);
        assertThat(toPortal.get("depth").isIntegralNumber()).isTrue();
        assertThat(queues.get("value").get("lienthong.document.dead-letter").has("oldestMessageAgeSeconds")).isTrue();
        assertThat(status(console.exec(VIEWER, "lienthong:type=Queues", "list"))).isNotEqualTo(200);
    }

    @Test
    void anOperatorWorksTheDeadLettersAndRoutes() {
        String route = console.search(ADMIN, "org.apache.camel:type=routes,name=\"axis-poll\",*").get(0);

        assertThat(status(console.exec(OPERATOR, "lienthong:type=DeadLetters", "list", "", ""))).isEqualTo(200);
        assertThat(status(console.exec(OPERATOR, route, "reset()"))).isEqualTo(200);
        assertThat(status(console.exec(OPERATOR, "java.lang:type=Memory", "gc()"))).isEqualTo(403);
        assertThat(status(console.exec(ADMIN, "java.lang:type=Memory", "gc()"))).isEqualTo(200);
    }

    @Test
    void noRoleRunsTheJvmsDiagnosticOperations(@TempDir Path dir) {
        Path heap = dir.resolve("heap.hprof");
        for (String role : List.of(VIEWER, OPERATOR, ADMIN)) {
            assertThat(status(console.exec(role, "com.sun.management:type=HotSpotDiagnostic",
                    "dumpHeap(java.lang.String,boolean)", heap.toString(), true))).isEqualTo(403);
            assertThat(status(console.exec(role, "com.sun.management:type=DiagnosticCommand",
                    "jvmtiAgentLoad([Ljava.lang.String;)", List.of(dir.resolve("agent.so").toString()))))
                    .isEqualTo(403);
            assertThat(status(console.exec(role, "com.sun.management:type=HotSpotDiagnostic",
                    "setVMOption(java.lang.String,java.lang.String)", "HeapDumpOnOutOfMemoryError", "true")))
                    .isEqualTo(403);
        }
        assertThat(heap).doesNotExist();
    }

    @Test
    void noRoleRemovesMovesOrForgesBrokerMessages() {
        List<String> artemis = console.search(ADMIN, "org.apache.activemq.artemis:*");
        String queue = artemis.stream().filter(name -> name.contains("subcomponent=queues")
                && name.contains("queue=\"lienthong.dossier.to-portal\"")).findFirst().orElseThrow();
        String broker = artemis.stream().filter(name -> !name.contains("component=")).findFirst().orElseThrow();

        for (String role : List.of(VIEWER, OPERATOR, ADMIN)) {
            assertThat(status(console.exec(role, queue, "removeMessages(java.lang.String)", ""))).isEqualTo(403);
            assertThat(status(console.exec(role, queue, "removeAllMessages()"))).isEqualTo(403);
            assertThat(status(console.exec(role, queue,
                    "moveMessages(java.lang.String,java.lang.String)", "", "lienthong.dossier.to-portal")))
                    .isEqualTo(403);
            assertThat(status(console.exec(role, queue, "sendMessage(java.util.Map,int,java.lang.String,"
                    + "boolean,java.lang.String,java.lang.String)", Map.of(), 3, "{\"maHoSo\":\"forged\"}", true,
                    null, null))).isEqualTo(403);
            assertThat(status(console.exec(role, broker, "deleteAddress(java.lang.String)",
                    "lienthong.dossier.dead-letter"))).isEqualTo(403);
            assertThat(status(console.exec(role, broker, "destroyQueue(java.lang.String)",
                    "lienthong.dossier.dead-letter"))).isEqualTo(403);
        }
        assertThat(status(console.exec(OPERATOR, queue, "countMessages()"))).isEqualTo(200);
    }

    @Test
    void noRoleSendsThroughCamel(@TempDir Path dir) {
        String context = camelContext();
        String endpoint = "file:" + dir + "?fileName=written-by-jolokia.txt";

        for (String role : List.of(VIEWER, OPERATOR, ADMIN)) {
            assertThat(status(console.exec(role, context, "sendStringBody(java.lang.String,java.lang.String)",
                    endpoint, "pwned"))).isEqualTo(403);
            assertThat(status(console.exec(role, context, "requestStringBody(java.lang.String,java.lang.String)",
                    endpoint, "pwned"))).isEqualTo(403);
            assertThat(status(console.exec(role, context, "addOrUpdateRoutesFromXml(java.lang.String)",
                    "<routes/>"))).isEqualTo(403);
        }
        assertThat(Files.exists(dir.resolve("written-by-jolokia.txt"))).isFalse();
    }

    @Test
    void theJsr160ProxyReachesNoOtherHost() throws IOException {
        try (ServerSocket target = new ServerSocket(0)) {
            target.setSoTimeout(500);
            Map<String, Object> proxied = Map.of("type", "read", "mbean", "java.lang:type=Memory",
                    "attribute", "HeapMemoryUsage", "target", Map.of("url",
                            "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + target.getLocalPort() + "/jmxrmi"));

            // Jolokia without its JSR-160 service answers a proxy request locally, if at all
            console.jolokia(proxied, Map.of("Authorization", ADMIN));

            boolean connected;
            try (var ignored = target.accept()) {
                connected = true;
            } catch (SocketTimeoutException none) {
                connected = false;
            }
            assertThat(connected).as("the gateway connected to the proxy's target").isFalse();
        }
    }

    @Test
    void anotherWebSiteCannotCallTheConsole() {
        Map<String, String> foreign = Map.of("Authorization", ADMIN, "Origin", "https://evil.example");
        Http.Reply post = console.jolokia(Map.of("type", "version"), foreign);
        Http.Reply preflight = console.send("OPTIONS", "/actuator/jolokia", null, Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        Http.Reply crossSite = console.jolokia(Map.of("type", "version"),
                Map.of("Authorization", ADMIN, "Sec-Fetch-Site", "cross-site"));
        Http.Reply sameOrigin = console.jolokia(Map.of("type", "version"),
                Map.of("Authorization", ADMIN, "Origin", "http://127.0.0.1:" + port));

        assertThat(post.status()).isEqualTo(403);
        assertThat(post.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(sameOrigin.status()).isEqualTo(200);
        assertThat(sameOrigin.header("Access-Control-Allow-Origin")).isNull();
    }

    private String camelContext() {
        return console.search(ADMIN, "org.apache.camel:type=context,*").get(0);
    }

    private static int status(JsonNode answer) {
        return answer.get("status").asInt();
    }
}
