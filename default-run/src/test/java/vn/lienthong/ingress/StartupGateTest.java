package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Until Camel has started, the API says "try again" instead of a final 404. */
class StartupGateTest {

    @Test
    void theApiAnswers503UntilCamelHasStartedThenPassesThrough() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            StartupGate gate = new StartupGate(camel);

            MockHttpServletResponse early = new MockHttpServletResponse();
            MockFilterChain earlyChain = new MockFilterChain();
            gate.doFilter(new MockHttpServletRequest("POST", "/api/v1/dossiers"), early, earlyChain);

            assertThat(early.getStatus()).isEqualTo(503);
            assertThat(early.getHeader("Retry-After")).isEqualTo("2");
            assertThat(early.getContentAsString()).contains("starting");
            assertThat(earlyChain.getRequest()).as("not passed on").isNull();

            camel.start();
            MockFilterChain readyChain = new MockFilterChain();
            MockHttpServletResponse ready = new MockHttpServletResponse();
            gate.doFilter(new MockHttpServletRequest("POST", "/api/v1/dossiers"), ready, readyChain);

            assertThat(readyChain.getRequest()).as("passed on to the API").isNotNull();
        }
    }

    @Test
    void otherPathsAreNotHeldBack() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            MockFilterChain chain = new MockFilterChain();
            new StartupGate(camel).doFilter(new MockHttpServletRequest("GET", "/actuator/health"),
                    new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).isNotNull();
        }
    }
}
