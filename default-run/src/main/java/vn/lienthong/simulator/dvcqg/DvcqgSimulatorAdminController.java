package vn.lienthong.simulator.dvcqg;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What tests and operators use to look inside the simulated portal and steer it; never affected by faults. */
@RestController
@ConditionalOnDvcqgSimulator
@RequestMapping("/sim/dvcqg")
public class DvcqgSimulatorAdminController {

    private static final Logger log = LoggerFactory.getLogger(DvcqgSimulatorAdminController.class);

    private final DvcqgStore store;
    private final DvcqgStats stats;
    private final DvcqgFaults faults;
    private final DvcqgSessions sessions;
    private final DvcqgJson json;
    private final DvcqgInbox inbox;
    private final DvcqgPush push;

    public DvcqgSimulatorAdminController(DvcqgStore store, DvcqgStats stats, DvcqgFaults faults,
            DvcqgSessions sessions, DvcqgJson json, DvcqgInbox inbox, DvcqgPush push) {
        this.inbox = inbox;
        this.push = push;
        this.store = store;
        this.stats = stats;
        this.faults = faults;
        this.sessions = sessions;
        this.json = json;
    }

    /**
     * {@code {"dossier": {...as the province synced it...} | null, "progress": [...], "syncCount": n}}; for a dossier
     * a citizen filed also {@code "filed": {"id", "filedAt", "dossier", "files", "actions"}} and {@code "province":
     * {"received", "receivedAt", "pushed", "statuses"}}; 404 when the portal has neither.
     */
    @GetMapping("/dossiers/{maHoSo}")
    public ResponseEntity<byte[]> dossier(@PathVariable("maHoSo") String maHoSo) {
        Optional<DvcqgStore.DossierView> synced = store.view(maHoSo);
        Optional<DvcqgInbox.DossierView> filed = inbox.view(maHoSo);
        if (synced.isEmpty() && filed.isEmpty()) {
            return DvcqgReply.error(404, "unknown dossier").toResponse(json);
        }
        ObjectNode body = object();
        body.set("dossier", synced.map(DvcqgStore.DossierView::dossier).orElse(null));
        ArrayNode progress = body.putArray("progress");
        synced.ifPresent(view -> view.progress().forEach(progress::add));
        body.put("syncCount", synced.map(DvcqgStore.DossierView::syncCount).orElse(0));
        filed.ifPresent(view -> DvcqgInboxViews.admin(body, view));
        return DvcqgReply.ok(body).toResponse(json);
    }

    @GetMapping("/stats")
    public ResponseEntity<byte[]> stats() {
        ObjectNode body = object();
        body.put("dossiers", store.dossierCount());
        body.put("progressItems", store.progressItemCount());
        ObjectNode requests = body.putObject("requests");
        stats.requests().forEach(requests::put);
        body.put("rejectedByFault", stats.rejectedByFaultCount());
        body.put("failedByFault", stats.failedByFaultCount());
        body.put("filedDossiers", inbox.dossierCount());
        body.put("filedEntries", inbox.entryCount());
        body.put("waitingEntries", inbox.waitingCount());
        body.put("pushFailures", push.failures());
        return DvcqgReply.ok(body).toResponse(json);
    }

    /**
     * Forgets every dossier (journal truncated), every citizen's dossier with its files, and zeroes the counters;
     * sessions and faults stay.
     */
    @DeleteMapping("/dossiers")
    public ResponseEntity<byte[]> clear() {
        int cleared = store.clear();
        int filed = inbox.clear();
        stats.reset();
        return DvcqgReply.ok(object().put("cleared", cleared).put("filed", filed)).toResponse(json);
    }

    /** Every session becomes invalid: the next call answers error_code -1 and the client must log in again. */
    @PostMapping("/sessions/expire")
    public ResponseEntity<byte[]> expireSessions() {
        return DvcqgReply.ok(object().put("expired", sessions.expireAll())).toResponse(json);
    }

    @GetMapping("/faults")
    public ResponseEntity<byte[]> faults() {
        return DvcqgReply.ok(faults.current().toJson()).toResponse(json);
    }

    /** Replaces every setting; a missing one returns to "no fault". 400 lists invalid fields. */
    @PutMapping("/faults")
    public ResponseEntity<byte[]> replaceFaults(@RequestBody(required = false) byte[] body) {
        DvcqgFaults.Settings settings;
        try {
            settings = DvcqgFaults.Settings.fromJson(json.read(body));
        } catch (IOException e) {
            return DvcqgReply.error(400, "JSON không hợp lệ: " + DvcqgJson.describe(e)).toResponse(json);
        } catch (IllegalArgumentException e) {
            return DvcqgReply.error(400, e.getMessage()).toResponse(json);
        }
        faults.replace(settings);
        log.info("DVCQG simulator faults now {}", settings.toJson());
        return DvcqgReply.ok(settings.toJson()).toResponse(json);
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> failure(RuntimeException e) {
        log.error("DVCQG simulator failed", e);
        return DvcqgReply.error(500, "simulator failure: " + e.getMessage()).toResponse(json);
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
