package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.support.Http;

/**
 * Hawtio's login page renders in a browser: the calls its scripts make before anyone has logged in are answered, and
 * none invites the browser's own login dialog (which, opened over the page's form, left a headless browser waiting).
 */
class ConsoleLoginPageTest extends SecuredGatewayTest {

    private ConsoleCalls console;

    @BeforeEach
    void console() {
        console = new ConsoleCalls(port);
    }

    @Test
    void theLoginPageLearnsWithoutLoginThatTheProxyIsOff() {
        Http.Reply enabled = console.send("GET", "/actuator/hawtio/proxy/enabled", null, Map.of());

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.text().trim()).isEqualTo("false");
    }

    @Test
    void aScriptOfThePageGetsAPlain401WhileOtherClientsAreInvitedToHttpBasic() {
        byte[] version = ConsoleCalls.json(Map.of("type", "version"));
        Http.Reply script = console.send("POST", "/actuator/jolokia", version, Map.of("Sec-Fetch-Mode", "cors"));
        Http.Reply tool = console.send("POST", "/actuator/jolokia", version, Map.of());

        assertThat(script.status()).isEqualTo(401);
        assertThat(script.header("WWW-Authenticate")).isNull();
        assertThat(tool.status()).isEqualTo(401);
        assertThat(tool.header("WWW-Authenticate")).startsWith("Basic");
    }
}
