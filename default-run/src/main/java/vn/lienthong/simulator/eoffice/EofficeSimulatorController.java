package vn.lienthong.simulator.eoffice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorFaults;
import vn.lienthong.simulator.eoffice.EofficeInbox.ReceivedDocument;
import vn.lienthong.simulator.eoffice.EofficeInbox.ReceivedStatus;
import vn.lienthong.simulator.eoffice.EofficeInbox.StoredFile;

/**
 * The province's e-office as the gateway's webhook target: it takes documents (multipart: {@code metadata} JSON and
 * one {@code file} part per attachment) and statuses (JSON) for an organ, answering {@code {"received": id}}; tests
 * and operators list what it was given. Faults apply to the two deliveries only.
 */
@RestController
@ConditionalOnEofficeSimulator
@RequestMapping("/sim/eoffice")
public class EofficeSimulatorController {

    private static final Logger log = LoggerFactory.getLogger(EofficeSimulatorController.class);
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EofficeInbox inbox;

    public EofficeSimulatorController(EofficeInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/{organId}/documents")
    public ResponseEntity<byte[]> receiveDocument(@PathVariable("organId") String organId,
            HttpServletRequest request) {
        ResponseEntity<byte[]> fault = fault();
        if (fault != null) {
            return fault;
        }
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return error(400, "Cần multipart/form-data với phần 'metadata' và các phần 'file' "
                    + "(expects multipart/form-data with a metadata part and file parts)", List.of());
        }
        JsonNode metadata;
        try {
            metadata = metadata(multipart);
        } catch (IOException e) {
            return error(400, "metadata: JSON không hợp lệ (invalid JSON): " + describe(e), List.of());
        }
        try (EofficeInbox.Upload upload = inbox.newUpload()) {
            for (MultipartFile part : multipart.getFiles("file")) {
                try (InputStream in = part.getInputStream()) {
                    upload.add(part.getOriginalFilename(), part.getContentType(), in);
                }
            }
            List<String> problems = EofficeDeliveryCheck.problems(metadata, upload.files());
            if (!problems.isEmpty()) {
                return error(400, "Văn bản không hợp lệ (invalid delivery)", problems);
            }
            ReceivedDocument document = inbox.storeDocument(upload, organId, metadata);
            log.info("e-office simulator: document {} for {} with {} files", document.id(), organId,
                    document.files().size());
            return json(200, JsonNodeFactory.instance.objectNode().put("received", document.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the files", e);
        }
    }

    /** JSON: {@code {"responseFor","statusCode","description","staff","timestamp",...}}, stored as received. */
    @PostMapping("/{organId}/statuses")
    public ResponseEntity<byte[]> receiveStatus(@PathVariable("organId") String organId,
            @RequestBody(required = false) byte[] body) {
        ResponseEntity<byte[]> fault = fault();
        if (fault != null) {
            return fault;
        }
        JsonNode status;
        try {
            status = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return error(400, "JSON không hợp lệ (invalid JSON): " + describe(e), List.of());
        }
        if (status == null || !status.isObject()) {
            return error(400, "Trạng thái phải là đối tượng JSON (the status must be a JSON object)", List.of());
        }
        ReceivedStatus received = inbox.storeStatus(organId, status);
        log.info("e-office simulator: status {} for {}", received.id(), organId);
        return json(200, JsonNodeFactory.instance.objectNode().put("received", received.id()));
    }

    /** {@code [{"id","metadata","files":[{"name","contentType","size","sha256"}],"receivedAt"}]}, in order received. */
    @GetMapping("/{organId}/documents")
    public ResponseEntity<byte[]> documents(@PathVariable("organId") String organId) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (ReceivedDocument document : inbox.documents(organId)) {
            ObjectNode item = list.addObject().put("id", document.id());
            item.set("metadata", document.metadata());
            ArrayNode files = item.putArray("files");
            for (StoredFile file : document.files()) {
                files.addObject().put("name", file.name()).put("contentType", file.contentType())
                        .put("size", file.size()).put("sha256", file.sha256());
            }
            item.put("receivedAt", EofficeTime.format(document.receivedAt()));
        }
        return json(200, list);
    }

    /** The bytes of a received document's {@code index}-th file (0-based, in the order of the parts). */
    @GetMapping("/{organId}/documents/{id}/files/{index}")
    public ResponseEntity<?> file(@PathVariable("organId") String organId, @PathVariable("id") String id,
            @PathVariable("index") int index) {
        ReceivedDocument document = inbox.document(id).filter(d -> d.organId().equals(organId)).orElse(null);
        if (document == null || index < 0 || index >= document.files().size()
                || !Files.isRegularFile(inbox.file(id, index))) {
            return error(404, "Không tìm thấy tệp (no such file)", List.of());
        }
        StoredFile file = document.files().get(index);
        return ResponseEntity.ok()
                .contentType(mediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name() == null ? "file" : file.name(), StandardCharsets.UTF_8).build()
                        .toString())
                .body(new FileSystemResource(inbox.file(id, index)));
    }

    /** {@code [{"id","status":{...as received...},"receivedAt"}]}, in order received. */
    @GetMapping("/{organId}/statuses")
    public ResponseEntity<byte[]> statuses(@PathVariable("organId") String organId) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (ReceivedStatus status : inbox.statuses(organId)) {
            ObjectNode item = list.addObject().put("id", status.id());
            item.set("status", status.status());
            item.put("receivedAt", EofficeTime.format(status.receivedAt()));
        }
        return json(200, list);
    }

    /** Forgets every document, file and status; faults stay. */
    @DeleteMapping
    public ResponseEntity<byte[]> clear() {
        int[] counts = inbox.clear();
        log.info("e-office simulator emptied ({} documents, {} statuses)", counts[0], counts[1]);
        return json(200, JsonNodeFactory.instance.objectNode().put("documents", counts[0])
                .put("statuses", counts[1]));
    }

    @GetMapping("/faults")
    public ResponseEntity<byte[]> faults() {
        return json(200, inbox.faults().current().toJson());
    }

    /** Replaces every setting ({@code {"down","errorRate","latencyMs"}}); a missing one returns to "no fault". */
    @PutMapping("/faults")
    public ResponseEntity<byte[]> replaceFaults(@RequestBody(required = false) byte[] body) {
        SimulatorFaults.Settings settings;
        try {
            settings = SimulatorFaults.Settings.fromJson(body == null || body.length == 0 ? null : JSON.readTree(body));
        } catch (IOException e) {
            return error(400, "JSON không hợp lệ (invalid JSON): " + describe(e), List.of());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage(), List.of());
        }
        inbox.faults().replace(settings);
        log.info("e-office simulator faults now {}", settings.toJson());
        return json(200, settings.toJson());
    }

    /** The simulator's own failure (e.g. its disk): a 500 with a line of text, never a stack trace. */
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> failure(RuntimeException e) {
        log.error("e-office simulator failed", e);
        return error(500, "simulator failure: " + e.getMessage(), List.of());
    }

    private ResponseEntity<byte[]> fault() {
        SimulatorFaults.Settings fault = inbox.faults().current();
        fault.delay();
        if (fault.down()) {
            return error(503, "e-office down (simulated)", List.of());
        }
        if (fault.failsNow()) {
            return error(500, "e-office error (simulated)", List.of());
        }
        return null;
    }

    /** The content type the file was sent with, or octet-stream when it had none or an unreadable one. */
    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** The metadata part, sent as a file part or as a plain form field; null when absent. */
    private static JsonNode metadata(MultipartHttpServletRequest request) throws IOException {
        MultipartFile part = request.getFile("metadata");
        if (part != null) {
            return JSON.readTree(part.getBytes()); // a few KB of JSON
        }
        String field = request.getParameter("metadata");
        return field == null ? null : JSON.readTree(field);
    }

    private static ResponseEntity<byte[]> error(int status, String error, List<String> problems) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", error);
        if (!problems.isEmpty()) {
            ArrayNode list = body.putArray("problems");
            problems.forEach(list::add);
        }
        return json(status, body);
    }

    private static ResponseEntity<byte[]> json(int status, JsonNode body) {
        try {
            return ResponseEntity.status(status).contentType(JSON_UTF8).body(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON tree", e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
    }
}
