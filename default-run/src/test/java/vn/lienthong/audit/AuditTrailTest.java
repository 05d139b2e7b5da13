package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * The audit chain of a running gateway: every accepted message (with the SHA-256 of its body as sent) and every
 * operator action is chained a moment later; {@code GET /api/v1/audit/verify} recomputes the chain and names the
 * first entry changed behind the gateway's back.
 */
class AuditTrailTest extends GatewayTest {

    private static final String ADMIN = basic("demo-admin", "demo-admin-password");
    private static final String OPERATOR = basic("demo-operator", "demo-operator-password");
    private static final String OPERATOR_KEY = "demo-operator-key";
    private static final String EOFFICE_KEY = "demo-eoffice-key";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAcceptedMessageIsChainedWithTheSha256OfItsBodyAsSent() {
        String maHoSo = Dossiers.newMaHoSo();
        byte[] dossier = Http.bytes(Dossiers.dvcqg(maHoSo));
        byte[] progress = Http.bytes(Dossiers.dvcqgProgress(1));
        byte[] status = Http.bytes(documentStatus());

        String dossierId = accepted(api.post("/api/v1/dossiers", GatewayApi.DVCQG_CLIENT_KEY, dossier, null));
        String progressId = accepted(api.post("/api/v1/dossiers/" + maHoSo + "/progress",
                GatewayApi.DVCQG_CLIENT_KEY, progress, null));
        String statusId = accepted(api.post("/api/v1/documents/status", EOFFICE_KEY, status, null));
        String repeated = accepted(api.post("/api/v1/dossiers", GatewayApi.DVCQG_CLIENT_KEY, dossier, "audit-" + maHoSo));
        accepted(api.post("/api/v1/dossiers", GatewayApi.DVCQG_CLIENT_KEY, dossier, "audit-" + maHoSo));

        assertThat(entry(dossierId)).containsEntry("action", "MESSAGE_ACCEPTED").containsEntry("actor", "demo-dvcqg")
                .containsEntry("kind", "DOSSIER").containsEntry("body_sha256", sha256(dossier));
        assertThat(entry(progressId)).containsEntry("actor", "demo-dvcqg").containsEntry("kind", "PROGRESS")
                .containsEntry("body_sha256", sha256(progress));
        assertThat(entry(statusId)).containsEntry("actor", "demo-eoffice").containsEntry("kind", "DOCUMENT_STATUS")
                .containsEntry("body_sha256", sha256(status));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject = ?", Long.class, repeated))
                .as("a repeated Idempotency-Key is the same message: one entry").isEqualTo(1);
        assertThat(verify().path("valid").asBoolean()).isTrue();
    }

    @Test
    void aFieldChangedInTheDatabaseIsReportedAtItsEntryAndOnlyAdministratorsMayAsk() {
        String trackingId = accepted(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(Dossiers.newMaHoSo())));
        long k = (Long) entry(trackingId).get("seq");
        JsonNode before = verify();
        assertThat(before.path("valid").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.path("entries").asLong()).isGreaterThanOrEqualTo(k);
        assertThat(before.path("firstBrokenAt").isNull()).isTrue();

        String actor = (String) entry(trackingId).get("actor");
        jdbc.update("update audit_entry set actor = 'demo-canonical' where seq = ?", k);
        try {
            JsonNode broken = verify();
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenAt").asLong()).isEqualTo(k);
        } finally {
            jdbc.update("update audit_entry set actor = ? where seq = ?", actor, k);
        }
        assertThat(verify().path("valid").asBoolean()).isTrue();

        assertThat(Http.get(api.baseUrl() + "/api/v1/audit/verify", Map.of("X-API-Key", OPERATOR_KEY)).status())
                .isEqualTo(403);
        assertThat(Http.get(api.baseUrl() + "/api/v1/audit/verify", Map.of("Authorization", OPERATOR)).status())
                .isEqualTo(403);
        assertThat(Http.get(api.baseUrl() + "/api/v1/audit/verify", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void anOperatorsReplayIsChainedWithTheOperatorsName() {
        String maHoSo = Dossiers.newMaHoSo();
        portal.failFor(maHoSo);
        String trackingId = accepted(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo)));
        await().atMost(WAIT).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DEAD_LETTERED"));
        portal.healthy();

        Http.Reply replay = Http.post(api.baseUrl() + "/api/v1/dead-letters/" + trackingId + "/replay", new byte[0],
                Map.of("X-API-Key", OPERATOR_KEY));

        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !actions(trackingId).isEmpty() && actions(trackingId).size() == 2);
        assertThat(actions(trackingId)).extracting(e -> e.get("action"), e -> e.get("actor"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MESSAGE_ACCEPTED", "demo-dvcqg"),
                        org.assertj.core.groups.Tuple.tuple("REPLAY", "demo-operator"));
        await().atMost(WAIT).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
    }

    @Test
    void aJolokiaOperationIsChainedAndStillRuns() {
        long before = jolokiaExecs();
        byte[] request = "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}"
                .getBytes(StandardCharsets.UTF_8);

        Http.Reply reply = Http.post("http://127.0.0.1:" + port + "/actuator/jolokia", request,
                Map.of("Content-Type", "application/json", "Authorization", OPERATOR));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode answer = reply.json().isArray() ? reply.json().get(0) : reply.json();
        assertThat(answer.path("request").path("operation").asText()).as("Jolokia read the body again: %s",
                reply.text()).isEqualTo("gc");
        await().atMost(WAIT).until(() -> jolokiaExecs() == before + 1);
        Map<String, Object> entry = jdbc.queryForMap(
                "select * from audit_entry where action = 'JOLOKIA_EXEC' order by seq desc fetch first 1 rows only");
        assertThat(entry.get("SUBJECT")).isEqualTo("java.lang:type=Memory");
        assertThat((String) entry.get("DETAIL")).startsWith("operation gc");
        assertThat(entry.get("ACTOR")).isEqualTo("demo-operator");

        Http.post("http://127.0.0.1:" + port + "/actuator/jolokia", ("{\"type\":\"read\",\"mbean\":"
                + "\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}").getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Authorization", OPERATOR));
        assertThat(jolokiaExecs()).as("reads are not recorded").isEqualTo(before + 1);
    }

    @Test
    void aUsersLoginAndAFailedOneAreChained() {
        // what earlier tests' logins recorded is chained first: the counts start from there
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from audit_pending", Long.class) == 0);
        long logins = count("LOGIN", "demo-operator");
        String stranger = "no-such-user-" + System.nanoTime();

        assertThat(Http.get(api.baseUrl() + "/api/v1/dead-letters", Map.of("Authorization", OPERATOR)).status())
                .isEqualTo(200);
        assertThat(Http.get(api.baseUrl() + "/api/v1/dead-letters",
                Map.of("Authorization", basic(stranger, "not-the-password"))).status()).isEqualTo(401);

        await().atMost(WAIT).until(() -> count("LOGIN", "demo-operator") == logins + 1
                && count("LOGIN_FAILED", stranger) == 1);
        assertThat(jdbc.queryForList("select detail from audit_entry where action = 'LOGIN_FAILED'", String.class))
                .noneMatch(detail -> detail != null && detail.contains("not-the-password"));
    }

    private long count(String action, String actor) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ? and actor = ?", Long.class,
                action, actor);
    }

    private long jolokiaExecs() {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'JOLOKIA_EXEC'", Long.class);
    }

    // ---- helpers ----

    private static String accepted(Http.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        return reply.json().path("trackingId").asText();
    }

    /** The chained entry about a message, once it is there (lower-case keys). */
    private Map<String, Object> entry(String trackingId) {
        await().atMost(WAIT).until(() -> !actions(trackingId).isEmpty());
        return actions(trackingId).get(0);
    }

    private List<Map<String, Object>> actions(String trackingId) {
        return jdbc.query("select * from audit_entry where subject = ? order by seq", (rs, row) -> Map.of(
                "seq", rs.getLong("seq"), "action", rs.getString("action"), "actor", rs.getString("actor"),
                "kind", String.valueOf(rs.getString("kind")), "body_sha256", String.valueOf(rs.getString("body_sha256"))),
                trackingId);
    }

    private JsonNode verify() {
        Http.Reply reply = Http.get(api.baseUrl() + "/api/v1/audit/verify", Map.of("Authorization", ADMIN));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private static ObjectNode documentStatus() {
        ObjectNode status = Http.JSON.createObjectNode();
        status.putObject("from").put("organId", "000.00.00.H31");
        status.putObject("responseFor").put("organId", "000.00.00.H41")
                .put("documentId", "000.00.00.H41,2026/11/20,77/UBND-VP");
        status.put("statusCode", "03").put("description", "Đã tiếp nhận, vào sổ");
        status.putObject("staffInfo").put("staff", "Trần Thị Hoa");
        return status;
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
