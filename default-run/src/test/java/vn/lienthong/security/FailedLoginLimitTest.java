package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.Http;

/**
 * Guessing keys from one address: after 50 wrong credentials within the window (3 s in these tests) the address gets
 * 429 with Retry-After until the window ends; a client with a valid key from the same address is never refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailedLoginLimitTest extends SecuredGatewayTest {

    @Autowired
    FailedLogins failedLogins;

    @BeforeEach
    void startFromAnEmptyWindow() {
        failedLogins.clear();
    }

    @Test
    void twoHundredWrongKeysAreLimitedAndValidKeysStillPass(CapturedOutput output) {
        List<Integer> statuses = new ArrayList<>();
        Http.Reply last = null;
        for (int i = 0; i < 200; i++) {
            last = Http.get(url("/api/v1/tracking/none"), Map.of("X-API-Key", "guess-" + i + "-secret"));
            statuses.add(last.status());
        }
        Http.Reply valid = api.postDossier("demo-dvcqg-key", Dossiers.dvcqg(Dossiers.newMaHoSo()));
        Http.Reply console = Http.get(url("/actuator/metrics"), Map.of("Authorization", basic("demo-operator")));

        assertLimitedAfterAtMost50(statuses);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 3);
        assertThat(valid.status()).isEqualTo(202);
        assertThat(console.status()).isEqualTo(200);
        assertThat(output.getAll()).contains("authentication failed from 127.0.0.1: unknown API key")
                .doesNotContain("guess-7-secret");

        // the window ends: the address is answered 401 again, not refused for ever
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> Http.get(
                url("/api/v1/tracking/none"), Map.of("X-API-Key", "one-more-guess")).status() == 401);
    }

    /** 401 until the limit, 429 after it. */
    private static void assertLimitedAfterAtMost50(List<Integer> statuses) {
        int refused = statuses.indexOf(429);
        assertThat(refused).isBetween(40, 50);
        assertThat(statuses.subList(0, refused)).containsOnly(401);
        assertThat(statuses.subList(refused, statuses.size())).containsOnly(429);
    }

    @Test
    void wrongPasswordsOnTheConsoleCountToo() {
        Map<String, String> wrong = Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("demo-admin:guess".getBytes()));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(Http.get(url("/actuator/metrics"), wrong).status());
        }

        assertLimitedAfterAtMost50(statuses);
        assertThat(Http.get(url("/actuator/metrics"), Map.of("Authorization", basic("demo-admin"))).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(url("/actuator/metrics"), wrong).status() == 401);
    }
}
