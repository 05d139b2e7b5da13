package vn.lienthong.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.LienthongApplication;
import vn.lienthong.support.Dossiers;
import vn.lienthong.support.DvcqgSimulator;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.Http;
import vn.lienthong.tracking.NewMessage;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * Messages set aside per dossier (issue 4, bugs 3, 5 and 8): a message the portal keeps failing leaves its consumer
 * after a quick retry, so the other dossiers are delivered meanwhile; its dossier's later messages wait behind it and
 * follow it in order; behind a dead-lettered one they wait until an operator replays it; and a message whose
 * dossier has an earlier message still on its way waits for it.
 *
 * <p>A gateway of its own, with two consumers (a poison message used to hold up half the dossiers) and a poison
 * retried for several seconds (3 retries: 1 at once, then after 3 s and 6 s from the held messages).
 */
class HeldDossiersTest {

    private static final String OPERATOR_KEY = "demo-operator-key";
    private static final String CLIENT = GatewayApi.DVCQG_CLIENT_KEY;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DvcqgSimulator portal = DvcqgSimulator.shared();

    private static ConfigurableApplicationContext gateway;
    private static GatewayApi api;

    @BeforeAll
    static void startGateway() throws Exception {
        // Arguments, not default properties: they must win over application.yaml.
        gateway = new SpringApplicationBuilder(LienthongApplication.class).run(
                "--server.port=0", "--lienthong.national.mode=push",
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--lienthong.data-directory=" + Files.createTempDirectory("lienthong-held"),
                "--lienthong.simulator.dvcqg.enabled=false",
                "--lienthong.broker.tcp-acceptor=",
                "--spring.artemis.embedded.server-id=8",
                // The shared test gateway may be running in this JVM: its servlet name is taken.
                "--camel.servlet.mapping.servlet-name=HeldDossiersTestServlet",
                "--camel.component.servlet.servlet-name=HeldDossiersTestServlet",
                "--lienthong.portal.base-url=" + portal.baseUrl(),
                "--lienthong.delivery.consumers=2",
                "--lienthong.delivery.maximum-redeliveries=3",
                "--lienthong.delivery.in-place-retries=1",
                "--lienthong.delivery.in-place-retry-delay=100",
                "--lienthong.delivery.redelivery-delay=3000",
                "--lienthong.delivery.maximum-redelivery-delay=6000",
                "--lienthong.delivery.held-poll-interval=200");
        api = new GatewayApi(((WebServerApplicationContext) gateway).getWebServer().getPort());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void healPortal() {
        portal.healthy();
    }

    @Test
    void aPoisonDossierHoldsUpNoOtherDossierAndItsProgressFollowsItInOrderOnceItGoesThrough() {
        String poison = Dossiers.newMaHoSo();
        portal.failFor(Pattern.quote(poison));
        String poisonId = trackingId(api.postDossier(CLIENT, Dossiers.dvcqg(poison)));
        List<String> poisonProgress = List.of(
                trackingId(api.postProgress(CLIENT, poison, Dossiers.dvcqgProgress(1))),
                trackingId(api.postProgress(CLIENT, poison, Dossiers.dvcqgProgress(2))));
        await().atMost(WAIT).until(() -> state(poisonId).equals("HELD"));

        List<String> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String maHoSo = Dossiers.newMaHoSo();
            others.add(maHoSo);
            trackingId(api.postDossier(CLIENT, Dossiers.dvcqg(maHoSo)));
            trackingId(api.postProgress(CLIENT, maHoSo, Dossiers.dvcqgProgress(1)));
            trackingId(api.postProgress(CLIENT, maHoSo, Dossiers.dvcqgProgress(2)));
        }
        await().atMost(WAIT).until(() -> others.stream().allMatch(c -> progressAtPortal(c).size() == 2));

        assertThat(state(poisonId)).as("the poison is still being retried while every other dossier went through")
                .isEqualTo("HELD");
        assertThat(portal.dossier(poison)).isNull();
        for (String id : poisonProgress) {
            assertThat(state(id)).isEqualTo("HELD");
        }
        assertThat(details(poisonProgress.get(0))).anyMatch(d -> d.contains("held behind " + poisonId));

        portal.healthy();
        await().atMost(WAIT).until(() -> progressAtPortal(poison).size() == 2);
        assertThat(progressAtPortal(poison)).containsExactly(step(1), step(2));
        await().atMost(WAIT).until(() -> state(poisonId).equals("DELIVERED")
                && poisonProgress.stream().allMatch(id -> state(id).equals("DELIVERED")));
        assertThat(api.tracking(CLIENT, poisonId).path("attempts").asInt()).as("retries before it went through")
                .isBetween(1, 3);
    }

    @Test
    void behindADeadLetteredDossierItsProgressWaitsEvenWhenSentLaterUntilTheOperatorReplaysIt() {
        String poison = Dossiers.newMaHoSo();
        portal.failFor(Pattern.quote(poison));
        String poisonId = trackingId(api.postDossier(CLIENT, Dossiers.dvcqg(poison)));
        String first = trackingId(api.postProgress(CLIENT, poison, Dossiers.dvcqgProgress(1)));
        await().atMost(WAIT).until(() -> state(poisonId).equals("DEAD_LETTERED"));
        assertThat(details(poisonId)).last().asString().contains("HTTP 500").contains("after 3 retries");

        String later = trackingId(api.postProgress(CLIENT, poison, Dossiers.dvcqgProgress(2)));
        await().atMost(WAIT).until(() -> state(later).equals("HELD"));
        assertThat(state(first)).isEqualTo("HELD");
        assertThat(details(first)).anyMatch(d -> d.contains("waiting behind dead letter " + poisonId));
        assertThat(details(later)).anyMatch(d -> d.contains("held behind " + first));
        JsonNode letter = Http.get(api.baseUrl() + "/api/v1/dead-letters/" + poisonId, Map.of("X-API-Key", OPERATOR_KEY))
                .json();
        assertThat(letter.path("heldBehind").asInt()).isEqualTo(2);

        portal.healthy();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> state(first).equals("HELD") && state(later).equals("HELD"));
        assertThat(portal.dossier(poison)).as("nothing of the dossier goes out before its dead letter").isNull();

        Http.Reply replay = Http.post(api.baseUrl() + "/api/v1/dead-letters/" + poisonId + "/replay",
                "".getBytes(StandardCharsets.UTF_8), Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(replay.status()).isEqualTo(200);

        await().atMost(WAIT).until(() -> progressAtPortal(poison).size() == 2);
        assertThat(progressAtPortal(poison)).containsExactly(step(1), step(2));
        await().atMost(WAIT).until(() -> List.of(poisonId, first, later).stream()
                .allMatch(id -> state(id).equals("DELIVERED")));
    }

    @Test
    void aMessageWaitsBehindAnEarlierOneOfItsDossierStillOnItsWay() {
        // An instance died while it had the dossier's first message: the broker gives it again later, but the
        // dossier's next messages may reach the survivor first (the broker's race of bug 8).
        TrackingStore tracking = gateway.getBean(TrackingStore.class);
        String maHoSo = Dossiers.newMaHoSo();
        String onItsWay = UUID.randomUUID().toString();
        tracking.register(new NewMessage(onItsWay, "demo-dvcqg", "DOSSIER", maHoSo, Dossiers.UNIT, null));
        tracking.accepted(onItsWay, tracking.clock());

        String dossier = trackingId(api.postDossier(CLIENT, Dossiers.dvcqg(maHoSo)));
        String progress = trackingId(api.postProgress(CLIENT, maHoSo, Dossiers.dvcqgProgress(1)));
        await().atMost(WAIT).until(() -> state(dossier).equals("HELD") && state(progress).equals("HELD"));
        assertThat(details(dossier)).anyMatch(d -> d.contains("held behind " + onItsWay + " (ACCEPTED)"));
        assertThat(details(progress)).anyMatch(d -> d.contains("held behind " + dossier));
        assertThat(portal.dossier(maHoSo)).isNull();

        tracking.transition(onItsWay, TrackingState.DELIVERED, "delivered by the instance that took it over");

        await().atMost(WAIT).until(() -> state(dossier).equals("DELIVERED") && state(progress).equals("DELIVERED"));
        assertThat(progressAtPortal(maHoSo)).containsExactly(step(1));
    }

    private static String trackingId(Http.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        return reply.json().path("trackingId").asText();
    }

    private static String state(String trackingId) {
        return api.state(CLIENT, trackingId);
    }

    private static List<String> details(String trackingId) {
        List<String> details = new ArrayList<>();
        api.tracking(CLIENT, trackingId).path("history").forEach(e -> details.add(e.path("detail").asText()));
        return details;
    }

    private static List<String> progressAtPortal(String maHoSo) {
        JsonNode dossier = portal.dossier(maHoSo);
        List<String> steps = new ArrayList<>();
        if (dossier != null) {
            dossier.path("progress").forEach(p -> steps.add(p.path("NoiDungXuLy").asText()));
        }
        return steps;
    }

    private static String step(int n) {
        return "Bước " + n + ": thẩm định hồ sơ";
    }
}
