package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.support.Http;

/**
 * The console keeps Hawtio's own login form: a user logs in there and the console's pages then call Jolokia with the
 * session alone (no CSRF token, no password), with that user's role.
 */
class ConsoleLoginTest extends SecuredGatewayTest {

    private ConsoleCalls console;

    @BeforeEach
    void console() {
        console = new ConsoleCalls(port);
    }

    @Test
    void theConsolesPagesAndLoginFormNeedNoLogin() {
        Http.Reply start = console.send("GET", "/actuator/hawtio/", null, Map.of());
        Http.Reply page = console.send("GET", start.header("Location").replaceFirst("^https?://[^/]+", ""), null,
                Map.of());

        assertThat(start.status()).isEqualTo(302);
        assertThat(start.header("Location")).contains("/actuator/hawtio/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).containsIgnoringCase("<html");
    }

    @Test
    void aUserLoggedInWithHawtiosFormCallsJolokiaWithItsSessionAndRole() {
        String session = login("demo-viewer", "demo-viewer-password");
        Map<String, String> withSession = Map.of("Cookie", session, "Origin", "http://127.0.0.1:" + port);

        Http.Reply read = console.send("POST", "/actuator/hawtio/jolokia/", ConsoleCalls.json(Map.of("type", "read",
                "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage")), withSession);
        Http.Reply direct = console.send("POST", "/actuator/jolokia", ConsoleCalls.json(Map.of("type", "read",
                "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage")), withSession);
        Http.Reply operate = console.send("POST", "/actuator/hawtio/jolokia/", ConsoleCalls.json(Map.of(
                "type", "exec", "mbean", "lienthong:type=DeadLetters", "operation", "list",
                "arguments", List.of("", ""))), withSession);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asInt()).isEqualTo(200);
        assertThat(direct.json().get("status").asInt()).isEqualTo(200);
        assertThat(operate.json().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordOnTheFormOpensNoSession() {
        Http.Reply wrong = console.send("POST", "/actuator/hawtio/auth/login", ConsoleCalls.json(Map.of(
                "username", "demo-admin", "password", "not-the-password")), Map.of());
        Http.Reply jolokia = console.send("POST", "/actuator/hawtio/jolokia/", ConsoleCalls.json(Map.of(
                "type", "version")), Map.of());

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.header("Set-Cookie")).isNull();
        assertThat(jolokia.status()).isEqualTo(401);
    }

    /** Logs in with Hawtio's form; the session cookie. */
    private String login(String user, String password) {
        Http.Reply login = console.send("POST", "/actuator/hawtio/auth/login", ConsoleCalls.json(Map.of(
                "username", user, "password", password)), Map.of());
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).contains("JSESSIONID=").containsIgnoringCase("SameSite=Strict");
        return cookie.split(";", 2)[0];
    }
}
