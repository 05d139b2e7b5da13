package vn.lienthong.simulator.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the one-stop systems received survives a restart, repeats and events included. */
class MotcuaOfficeTest {

    @TempDir
    Path dir;

    @Test
    void dossiersEventsAndRepeatCountsAreReplayed() throws Exception {
        MotcuaOffice office = new MotcuaOffice(dir, new MotcuaFaults(MotcuaFaults.Settings.NONE), Clock.systemUTC());
        byte[] bytes = "%PDF-1.4".getBytes(StandardCharsets.UTF_8);
        ObjectNode dossier = JsonNodeFactory.instance.objectNode().put("MaHoSo", "H31-1");
        for (int i = 0; i < 2; i++) {
            try (MotcuaOffice.Upload upload = office.newUpload()) {
                upload.add("don.pdf", "application/pdf", new ByteArrayInputStream(bytes));
                office.deliverDossier(upload, "U1", "H31-1", dossier);
            }
        }
        ObjectNode rating = JsonNodeFactory.instance.objectNode().put("type", "rating").put("MucDo", 5);
        for (int i = 0; i < 3; i++) {
            try (MotcuaOffice.Upload upload = office.newUpload()) {
                office.deliverEvent(upload, "U1", "H31-1", "rating", rating);
            }
        }
        office.close();

        MotcuaOffice replayed = new MotcuaOffice(dir, new MotcuaFaults(MotcuaFaults.Settings.NONE), Clock.systemUTC());
        try {
            MotcuaOffice.View view = replayed.dossier("U1", "H31-1").orElseThrow();
            assertThat(view.deliveries()).isEqualTo(2);
            assertThat(view.item().maHoSoDonVi()).isEqualTo("MC-000001");
            assertThat(view.events()).hasSize(1);
            assertThat(view.events().get(0).deliveries()).isEqualTo(3);
            assertThat(Files.readAllBytes(replayed.file(view.item(), 0))).isEqualTo(bytes);
            assertThat(replayed.dossiers("U2")).isEmpty();
        } finally {
            replayed.close();
        }
    }
}
