package vn.lienthong.simulator.axis;

import vn.lienthong.simulator.SimulatorFaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import vn.lienthong.simulator.axis.AxisMailboxes.MailItem;

/**
 * What tests and operators use to fill mailboxes, look inside them and steer the simulated axis; no credentials, never
 * affected by faults. Refusals answer the axis's FAIL body with a matching HTTP status.
 */
@RestController
@ConditionalOnAxisSimulator
@RequestMapping("/sim/axis")
public class AxisSimulatorAdminController {

    private static final Logger log = LoggerFactory.getLogger(AxisSimulatorAdminController.class);

    private final AxisPostOffice postOffice;
    private final AxisSessionTokens tokens;

    public AxisSimulatorAdminController(AxisPostOffice postOffice, AxisSessionTokens tokens) {
        this.postOffice = postOffice;
        this.tokens = tokens;
    }

    /**
     * Body: a raw edXML file; query {@code to=<organId>} (repeatable) or, without it, the file's own recipients.
     * Placed as if its From agency had sent it → {@code {"DocID"}}.
     */
    @PostMapping("/inject")
    public ResponseEntity<byte[]> inject(HttpServletRequest request) {
        // the query is parsed by hand: asking the servlet for parameters would eat a body sent as a form
        List<String> to = new ArrayList<>();
        if (request.getQueryString() != null) {
            List<String> raw = UriComponentsBuilder.newInstance().query(request.getQueryString()).build()
                    .getQueryParams().getOrDefault("to", List.of());
            raw.stream().filter(v -> v != null && !v.isBlank()).map(v -> UriUtils.decode(v, "UTF-8")).forEach(to::add);
        }
        try (InputStream body = request.getInputStream()) {
            AxisMessage message = postOffice.inject(body, to);
            return AxisReply.ok(JsonNodeFactory.instance.objectNode().put("DocID", message.docId())).toResponse();
        } catch (AxisRefusal refusal) {
            return refused(refusal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the injected edXML file", e);
        }
    }

    /** Everything in an agency's mailbox, oldest first, whatever its ack. */
    @GetMapping("/agencies/{organId}/received")
    public ResponseEntity<byte[]> received(@PathVariable("organId") String organId) {
        return records(postOffice.mailboxes().received(List.of(organId)));
    }

    /** Everything an agency sent, one record per recipient, oldest first. */
    @GetMapping("/agencies/{organId}/sent")
    public ResponseEntity<byte[]> sent(@PathVariable("organId") String organId) {
        return records(postOffice.mailboxes().sent(List.of(organId)));
    }

    /** One file with every recipient's ack. */
    @GetMapping("/documents/{docId}")
    public ResponseEntity<byte[]> document(@PathVariable("docId") String docId) {
        return postOffice.mailboxes().tracked(docId)
                .map(tracked -> AxisReply.ok(AxisViews.trackedRecord(tracked)).toResponse())
                .orElseGet(() -> unknown(docId));
    }

    /** The stored edXML file itself, as the recipients get it. */
    @GetMapping("/documents/{docId}/edxml")
    public ResponseEntity<?> documentFile(@PathVariable("docId") String docId) {
        return postOffice.mailboxes().tracked(docId)
                .<ResponseEntity<?>>map(tracked -> AxisSimulatorController.edxmlFile(postOffice.mailboxes(), tracked))
                .orElseGet(() -> unknown(docId));
    }

    /** Empties every mailbox (files and journal); faults and session tokens stay. */
    @DeleteMapping("/mailboxes")
    public ResponseEntity<byte[]> clear() {
        int cleared = postOffice.mailboxes().clear();
        log.info("axis simulator: mailboxes emptied ({} files)", cleared);
        return AxisReply.ok(JsonNodeFactory.instance.objectNode().put("cleared", cleared)).toResponse();
    }

    /** Every SOAP session token becomes invalid: the next call answers 401 and the client must ask for a new one. */
    @PostMapping("/sessions/expire")
    public ResponseEntity<byte[]> expireSessions() {
        return AxisReply.ok(JsonNodeFactory.instance.objectNode().put("expired", tokens.expireAll())).toResponse();
    }

    @GetMapping("/faults")
    public ResponseEntity<byte[]> faults() {
        return AxisReply.ok(postOffice.faults().current().toJson()).toResponse();
    }

    /** Replaces every setting; a missing one returns to "no fault". 400 lists invalid fields. */
    @PutMapping("/faults")
    public ResponseEntity<byte[]> replaceFaults(@RequestBody(required = false) byte[] body) {
        SimulatorFaults.Settings settings;
        try {
            settings = SimulatorFaults.Settings.fromJson(AxisReply.read(body));
        } catch (AxisRefusal refusal) {
            return refused(refusal);
        } catch (IllegalArgumentException e) {
            return AxisReply.fail(400, AxisRefusal.INVALID, e.getMessage()).toResponse();
        }
        postOffice.faults().replace(settings);
        log.info("axis simulator faults now {}", settings.toJson());
        return AxisReply.ok(settings.toJson()).toResponse();
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> failure(RuntimeException e) {
        log.error("axis simulator failed", e);
        return AxisReply.fail(500, "500", "simulator failure: " + e.getMessage()).toResponse();
    }

    private static ResponseEntity<byte[]> records(List<MailItem> items) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        items.forEach(item -> list.add(AxisViews.mailRecord(item)));
        return AxisReply.ok(list).toResponse();
    }

    private static ResponseEntity<byte[]> unknown(String docId) {
        return AxisReply.fail(404, AxisRefusal.NOT_FOUND, "Không tìm thấy DocID " + docId + " (unknown DocID)")
                .toResponse();
    }

    private static ResponseEntity<byte[]> refused(AxisRefusal refusal) {
        int status;
        try {
            status = Integer.parseInt(refusal.errorCode());
        } catch (NumberFormatException e) {
            status = 400;
        }
        return AxisReply.fail(status, refusal.errorCode(), refusal.description()).toResponse();
    }
}
