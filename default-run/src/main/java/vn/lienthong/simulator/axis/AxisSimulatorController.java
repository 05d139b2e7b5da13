package vn.lienthong.simulator.axis;

import vn.lienthong.simulator.SimulatorFaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.axis.AxisMailboxes.MailItem;
import vn.lienthong.simulator.axis.AxisMailboxes.Tracked;
import vn.lienthong.simulator.axis.AxisSimulatorProperties.ConnectedSystem;

/**
 * The axis's JSON/HTTP transport, as the observed client SDK calls it: every call carries the headers {@code systemid}
 * and {@code secret}; answers are HTTP 200 with {@code status} OK or FAIL, {@code ErrorCode}, {@code ErrorDesc}.
 * Faults apply here first (503 down, 500 errorRate), then credentials, then the call.
 */
@RestController
@ConditionalOnAxisSimulator
@RequestMapping("/sim/axis")
public class AxisSimulatorController {

    private static final Logger log = LoggerFactory.getLogger(AxisSimulatorController.class);

    private final AxisPostOffice postOffice;

    public AxisSimulatorController(AxisPostOffice postOffice) {
        this.postOffice = postOffice;
    }

    /**
     * multipart/form-data: part {@code file} (the .edxml) and part {@code header}
     * ({@code {"servicetype":"eDoc","messagetype":"edoc"|"status"}}) → {@code {"status":"OK",...,"DocID"}}.
     */
    @PostMapping("/sendEdoc")
    public ResponseEntity<?> sendEdoc(@RequestHeader(name = "systemid", required = false) String systemId,
            @RequestHeader(name = "secret", required = false) String secret, HttpServletRequest request) {
        return protocol(systemId, secret, caller -> {
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request,
                    MultipartHttpServletRequest.class);
            MultipartFile file = multipart == null ? null : multipart.getFile("file");
            if (file == null) {
                throw AxisRefusal.invalid("Cần multipart/form-data với phần 'file' (.edxml) và 'header' "
                        + "(expects multipart/form-data with parts file and header)");
            }
            AxisMessageType declared = declaredType(header(multipart));
            try (InputStream in = file.getInputStream()) {
                AxisMessage sent = postOffice.send(caller, declared, in);
                return AxisReply.ok(AxisReply.okBody().put("DocID", sent.docId())).toResponse();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the uploaded edXML file", e);
            }
        });
    }

    /** {@code {"messagetype":"edoc"|"status"}} (absent: both) → {@code {"status":"OK",...,"data":[...]}}. */
    @PostMapping("/getReceivedEdocList")
    public ResponseEntity<?> getReceivedEdocList(@RequestHeader(name = "systemid", required = false) String systemId,
            @RequestHeader(name = "secret", required = false) String secret,
            @RequestBody(required = false) byte[] body) {
        return protocol(systemId, secret, caller -> {
            List<MailItem> items = postOffice.pending(caller, messageType(AxisReply.read(body)));
            return list(items.stream().map(AxisViews::listItem).toList());
        });
    }

    /** {@code {"messagetype"?}} → what the caller's organs sent, one item per recipient with its ack. */
    @PostMapping("/getSentEdocList")
    public ResponseEntity<?> getSentEdocList(@RequestHeader(name = "systemid", required = false) String systemId,
            @RequestHeader(name = "secret", required = false) String secret,
            @RequestBody(required = false) byte[] body) {
        return protocol(systemId, secret, caller -> {
            List<MailItem> items = postOffice.sent(caller, messageType(AxisReply.read(body)));
            return list(items.stream().map(AxisViews::sentItem).toList());
        });
    }

    /** {@code {"DocID"}} → the edXML file as sent ({@code application/xml}, streamed); unknown → HTTP 404 FAIL. */
    @PostMapping("/getEdoc")
    public ResponseEntity<?> getEdoc(@RequestHeader(name = "systemid", required = false) String systemId,
            @RequestHeader(name = "secret", required = false) String secret,
            @RequestBody(required = false) byte[] body) {
        return protocol(systemId, secret, caller -> {
            String docId = text(AxisReply.read(body), "DocID");
            Tracked tracked;
            try {
                tracked = postOffice.fetch(caller, docId);
            } catch (AxisRefusal refusal) {
                if (AxisRefusal.NOT_FOUND.equals(refusal.errorCode())) {
                    return AxisReply.fail(404, refusal.errorCode(), refusal.description()).toResponse();
                }
                throw refusal;
            }
            return edxmlFile(postOffice.mailboxes(), tracked);
        });
    }

    /** {@code {"DocID","status":"done"|"fail"|"processing","reason"?,"OrganId"?}} → OK. */
    @PostMapping("/updateStatus")
    public ResponseEntity<?> updateStatus(@RequestHeader(name = "systemid", required = false) String systemId,
            @RequestHeader(name = "secret", required = false) String secret,
            @RequestBody(required = false) byte[] body) {
        return protocol(systemId, secret, caller -> {
            JsonNode request = AxisReply.read(body);
            postOffice.acknowledge(caller, text(request, "DocID"), text(request, "status"), text(request, "reason"),
                    text(request, "OrganId"));
            return AxisReply.ok(AxisReply.okBody()).toResponse();
        });
    }

    /** → {@code {"status":"OK",...,"data":[{"OrganId","OrganName","Active"}...]}}. */
    @PostMapping("/getAgenciesList")
    public ResponseEntity<?> getAgenciesList(@RequestHeader(name = "systemid", required = false) String systemId,
            @RequestHeader(name = "secret", required = false) String secret) {
        return protocol(systemId, secret,
                caller -> list(postOffice.agencies().stream().map(AxisViews::agency).toList()));
    }

    /** The simulator's own failure (e.g. its disk): a 500 with a line of text, never a stack trace. */
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> failure(RuntimeException e) {
        log.error("axis simulator failed", e);
        return AxisReply.fail(500, "500", "simulator failure: " + e.getMessage()).toResponse();
    }

    /** The stored file as the answer body, streamed from disk. */
    static ResponseEntity<?> edxmlFile(AxisMailboxes mailboxes, Tracked tracked) {
        String docId = tracked.message().docId();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .contentLength(tracked.message().size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(docId + ".edxml").build().toString())
                .body(new FileSystemResource(mailboxes.file(docId)));
    }

    private ResponseEntity<?> protocol(String systemId, String secret,
            Function<ConnectedSystem, ResponseEntity<?>> call) {
        SimulatorFaults.Settings fault = postOffice.faults().current();
        fault.delay();
        if (fault.down()) {
            return AxisReply.fail(503, "503", "Trục liên thông tạm ngừng (axis down, simulated)").toResponse();
        }
        if (fault.failsNow()) {
            return AxisReply.fail(500, "500", "Lỗi trục liên thông (axis error, simulated)").toResponse();
        }
        try {
            return call.apply(postOffice.directory().authenticate(systemId, secret));
        } catch (AxisRefusal refusal) {
            return AxisReply.fail(refusal).toResponse();
        }
    }

    private static ResponseEntity<byte[]> list(List<ObjectNode> items) {
        ObjectNode body = AxisReply.okBody();
        ArrayNode data = body.putArray("data");
        items.forEach(data::add);
        return AxisReply.ok(body).toResponse();
    }

    /** The {@code header} part, sent as a file part or as a plain form field; null when absent. */
    private static JsonNode header(MultipartHttpServletRequest request) {
        MultipartFile part = request.getFile("header");
        byte[] bytes;
        try {
            if (part != null) {
                bytes = part.getBytes(); // a few bytes of JSON
            } else {
                String field = request.getParameter("header");
                bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header part", e);
        }
        return bytes == null ? null : AxisReply.read(bytes);
    }

    /** The messagetype the header declares; null when there is no header (the file says what it is). */
    private static AxisMessageType declaredType(JsonNode header) {
        if (header == null) {
            return null;
        }
        String serviceType = text(header, "servicetype");
        if (serviceType != null && !serviceType.equalsIgnoreCase("eDoc")) {
            throw AxisRefusal.invalid("header.servicetype: '" + serviceType + "' không được hỗ trợ (must be eDoc)");
        }
        return messageType(header);
    }

    private static AxisMessageType messageType(JsonNode json) {
        String text = text(json, "messagetype");
        if (text == null || text.isBlank()) {
            return null;
        }
        return AxisMessageType.fromWire(text).orElseThrow(() -> AxisRefusal.invalid(
                "messagetype: '" + text + "' phải là edoc hoặc status (must be edoc or status)"));
    }

    private static String text(JsonNode json, String field) {
        if (!json.isObject()) {
            throw AxisRefusal.invalid("Thân yêu cầu phải là đối tượng JSON (the body must be a JSON object)");
        }
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
