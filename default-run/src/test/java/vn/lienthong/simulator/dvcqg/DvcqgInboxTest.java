package vn.lienthong.simulator.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The citizens' side survives a restart: entries, files, received marks, pushes and statuses are replayed. */
class DvcqgInboxTest {

    @TempDir
    Path dir;

    @Test
    void whatWasFiledMarkedAndSentBackIsReplayedAndAnUnansweredUploadLeavesNoFile() throws Exception {
        DvcqgInbox inbox = new DvcqgInbox(dir, Clock.systemUTC());
        byte[] bytes = "%PDF-1.4 đơn".getBytes(StandardCharsets.UTF_8);
        DvcqgInbox.Entry dossier;
        try (DvcqgInbox.Upload upload = inbox.newUpload()) {
            upload.add("don.pdf", "application/pdf", new ByteArrayInputStream(bytes), -1);
            dossier = inbox.fileDossier(upload, "H31-1", object().put("MaHoSo", "H31-1").put("MaDonVi", "X"))
                    .orElseThrow();
        }
        DvcqgInbox.Entry withdrawal;
        try (DvcqgInbox.Upload none = inbox.newUpload()) {
            withdrawal = inbox.fileAction(none, DvcqgInbox.WITHDRAWAL, "H31-1", object().put("LyDo", "x"))
                    .orElseThrow();
        }
        try (DvcqgInbox.Upload abandoned = inbox.newUpload()) {
            abandoned.add("never-stored.pdf", "application/pdf", new ByteArrayInputStream(bytes), -1);
        }
        inbox.markReceived(List.of(dossier.id()));
        inbox.markPushed(withdrawal.id());
        inbox.addStatuses(List.of(object().put("MaHoSo", "H31-1").put("TrangThai", 2).put("MaHoSoDonVi", "MC-1")));
        inbox.close();

        DvcqgInbox replayed = new DvcqgInbox(dir, Clock.systemUTC());
        try {
            assertThat(replayed.waiting(10)).extracting(DvcqgInbox.Entry::id).containsExactly(withdrawal.id());
            assertThat(replayed.notPushed()).isEmpty();
            DvcqgInbox.DossierView view = replayed.view("H31-1").orElseThrow();
            assertThat(view.received()).containsOnlyKeys(dossier.id());
            assertThat(view.statuses()).hasSize(1);
            DvcqgInbox.StoredFile file = view.dossier().files().get(0);
            assertThat(Files.readAllBytes(replayed.path(file))).isEqualTo(bytes);
            assertThat(replayed.markReceived(List.of(dossier.id())).get(0).alreadyReceived()).isTrue();
            try (Stream<Path> files = Files.list(dir.resolve("files"))) {
                assertThat(files).hasSize(1);
            }
        } finally {
            replayed.close();
        }
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
