package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.DvcqgSimulator;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * A second gateway in the test run, told to refuse what its formats do not describe
 * ({@code lienthong.ingress.unknown-fields=REFUSE}), with a one-stop system that sends for two units (Hưng Yên and the
 * closed code of Thái Bình); its own broker and servlet, the second axis account (it never takes the other gateway's
 * mail); closed when done.
 */
@TestPropertySource(properties = {
        "lienthong.ingress.unknown-fields=REFUSE",
        "spring.artemis.embedded.server-id=3",
        "camel.servlet.mapping.servlet-name=CamelServletStrictIngressTest",
        "camel.component.servlet.servlet-name=CamelServletStrictIngressTest",
        "lienthong.axis.system-id=" + DvcqgSimulator.SECOND_AXIS_SYSTEM,
        "lienthong.axis.secret=" + DvcqgSimulator.SECOND_AXIS_SECRET,
        "lienthong.documents.poll-interval=3600000",
        "lienthong.clients.systems[0].id=two-units",
        "lienthong.clients.systems[0].api-key=two-units-key",
        "lienthong.clients.systems[0].unit-codes=000.00.00.H31,000.00.00.H54",
        "lienthong.clients.systems[0].input-format=dvcqg",
        "lienthong.clients.systems[0].kinds=dossier,progress"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StrictIngressTest extends GatewayTest {

    private static final String KEY = "two-units-key";

    @Test
    void anUnknownFieldIsRefusedWithItsPath() {
        String maHoSo = Dossiers.newMaHoSo();
        ObjectNode dossier = Dossiers.dvcqg(maHoSo).put("MaPhanMemMotCua", "iGate");
        ((ObjectNode) dossier.path("TaiLieuNop").get(1)).put("KyHieuNoiBo", "CCCD");

        Http.Reply reply = api.postDossier(KEY, dossier);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(paths(reply)).containsExactlyInAnyOrder("/MaPhanMemMotCua", "/TaiLieuNop/1/KyHieuNoiBo");
        assertThat(api.trail(KEY, maHoSo).status()).isEqualTo(404);
    }

    @Test
    void aClientWithSeveralUnitsMustSayWhichOne() {
        ObjectNode dossier = Dossiers.dvcqg(Dossiers.newMaHoSo());
        dossier.remove("MaDonVi");

        Http.Reply reply = api.postDossier(KEY, dossier);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(paths(reply)).containsExactly("/MaDonVi");
        assertThat(api.postDossier(KEY, dossier.put("MaDonVi", "000.00.00.H54")).status()).isEqualTo(202);
    }

    private static List<String> paths(Http.Reply reply) {
        List<String> paths = new ArrayList<>();
        reply.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
        return paths;
    }
}
