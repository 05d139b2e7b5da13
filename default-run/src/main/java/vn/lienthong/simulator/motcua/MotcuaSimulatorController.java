package vn.lienthong.simulator.motcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorFaults;
import vn.lienthong.simulator.motcua.MotcuaOffice.Outcome;
import vn.lienthong.simulator.motcua.MotcuaOffice.StoredFile;
import vn.lienthong.simulator.motcua.MotcuaOffice.View;

/**
 * The province's one-stop (một cửa) systems as the gateway's delivery target, one per unit code. A dossier is
 * {@code multipart/form-data}: a {@code dossier} part (JSON, with a text {@code MaHoSo}) and one {@code file} part per
 * {@code TaiLieuNop} entry, named by its {@code TenTepDinhKem}; an event about a received dossier is an {@code event}
 * part (JSON with {@code "type"}: supplement, withdrawal, payment or rating) and optional {@code file} parts (named by
 * its {@code TaiLieuNop} when it has one), or a plain JSON body. Answers {@code 200}; a repeat is counted
 * ({@code deliveries}). Faults apply to the deliveries only.
 */
@RestController
@ConditionalOnMotcuaSimulator
@RequestMapping("/sim/motcua")
public class MotcuaSimulatorController {

    private static final Logger log = LoggerFactory.getLogger(MotcuaSimulatorController.class);
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    // decimals exactly as sent: the body is listed as delivered
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(7));

    private final MotcuaOffice office;

    public MotcuaSimulatorController(MotcuaOffice office) {
        this.office = office;
    }

    /** Answers {@code {"MaHoSo", "MaHoSoDonVi", "deliveries"}} (deliveries > 1: a repeat, counted, not stored). */
    @PostMapping("/{unitCode}/dossiers")
    public ResponseEntity<byte[]> receiveDossier(@PathVariable("unitCode") String unitCode,
            HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return error(400, "Cần multipart/form-data với phần 'dossier' và các phần 'file' "
                    + "(expects multipart/form-data with a dossier part and file parts)", List.of());
        }
        JsonNode dossier;
        try {
            dossier = part(multipart, "dossier");
        } catch (IOException e) {
            return error(400, "dossier: JSON không hợp lệ (invalid JSON): " + describe(e), List.of());
        }
        String maHoSo = dossier != null && dossier.path("MaHoSo").isTextual() ? dossier.get("MaHoSo").textValue() : null;
        ResponseEntity<byte[]> fault = fault(maHoSo);
        if (fault != null) {
            return fault;
        }
        try (MotcuaOffice.Upload upload = office.newUpload()) {
            receiveFiles(multipart, upload);
            List<String> problems = new ArrayList<>();
            if (dossier == null) {
                problems.add("dossier: thiếu phần 'dossier' (missing the dossier part)");
            } else if (!dossier.isObject()) {
                problems.add("dossier: phải là đối tượng JSON (must be a JSON object)");
            } else {
                if (maHoSo == null || maHoSo.isBlank()) {
                    problems.add("dossier.MaHoSo: thiếu (missing)");
                }
                checkFiles(dossier, "dossier", upload.files(), true, problems);
            }
            if (!problems.isEmpty()) {
                return error(400, "Hồ sơ không hợp lệ (invalid delivery)", problems);
            }
            Outcome outcome = office.deliverDossier(upload, unitCode, maHoSo, dossier);
            log.info("one-stop simulator: dossier {} for {} ({} files, delivery {})", maHoSo, unitCode,
                    upload.files().size(), outcome.deliveries());
            return json(200, JsonNodeFactory.instance.objectNode().put("MaHoSo", maHoSo)
                    .put("MaHoSoDonVi", outcome.item().maHoSoDonVi()).put("deliveries", outcome.deliveries()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the files", e);
        }
    }

    /** Answers {@code {"MaHoSo", "type", "deliveries"}}; 404 when the unit has not received the dossier. */
    @PostMapping("/{unitCode}/dossiers/{maHoSo}/events")
    public ResponseEntity<byte[]> receiveEvent(@PathVariable("unitCode") String unitCode,
            @PathVariable("maHoSo") String maHoSo, HttpServletRequest request) {
        ResponseEntity<byte[]> fault = fault(maHoSo);
        if (fault != null) {
            return fault;
        }
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        JsonNode event;
        try {
            event = multipart != null ? part(multipart, "event") : body(request);
        } catch (IOException e) {
            return error(400, "event: JSON không hợp lệ (invalid JSON): " + describe(e), List.of());
        }
        try (MotcuaOffice.Upload upload = office.newUpload()) {
            if (multipart != null) {
                receiveFiles(multipart, upload);
            }
            List<String> problems = new ArrayList<>();
            String type = null;
            if (event == null) {
                problems.add("event: thiếu phần 'event' (missing the event part)");
            } else if (!event.isObject()) {
                problems.add("event: phải là đối tượng JSON (must be a JSON object)");
            } else {
                type = event.path("type").isTextual() ? event.get("type").textValue() : null;
                if (type == null || !MotcuaOffice.EVENT_TYPES.contains(type)) {
                    problems.add("event.type: '" + event.path("type").asText()
                            + "' phải là supplement, withdrawal, payment hoặc rating (must be one of them)");
                }
                checkFiles(event, "event", upload.files(), false, problems);
            }
            if (!problems.isEmpty()) {
                return error(400, "Sự kiện không hợp lệ (invalid event)", problems);
            }
            Optional<Outcome> outcome = office.deliverEvent(upload, unitCode, maHoSo, type, event);
            if (outcome.isEmpty()) {
                return error(404, "Không có hồ sơ " + maHoSo + " tại " + unitCode
                        + " (no such dossier here: deliver the dossier first)", List.of());
            }
            log.info("one-stop simulator: {} of dossier {} for {} (delivery {})", type, maHoSo, unitCode,
                    outcome.get().deliveries());
            return json(200, JsonNodeFactory.instance.objectNode().put("MaHoSo", maHoSo).put("type", type)
                    .put("deliveries", outcome.get().deliveries()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the files", e);
        }
    }

    /**
     * {@code [{"MaHoSo", "MaHoSoDonVi", "dossier": {...as delivered...}, "files": [{"name","size","sha256"}],
     * "deliveries", "receivedAt", "events": [{"type", "event": {...}, "files", "deliveries", "receivedAt"}]}]}, in
     * arrival order.
     */
    @GetMapping("/{unitCode}/dossiers")
    public ResponseEntity<byte[]> dossiers(@PathVariable("unitCode") String unitCode) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        office.dossiers(unitCode).forEach(view -> list.add(dossierJson(view)));
        return json(200, list);
    }

    @GetMapping("/{unitCode}/dossiers/{maHoSo}")
    public ResponseEntity<byte[]> dossier(@PathVariable("unitCode") String unitCode,
            @PathVariable("maHoSo") String maHoSo) {
        return office.dossier(unitCode, maHoSo).map(view -> json(200, dossierJson(view)))
                .orElseGet(() -> error(404, "Không có hồ sơ " + maHoSo + " (no such dossier)", List.of()));
    }

    /** The bytes of a received dossier's {@code index}-th file (0-based, in the order of the parts). */
    @GetMapping("/{unitCode}/dossiers/{maHoSo}/files/{index}")
    public ResponseEntity<?> file(@PathVariable("unitCode") String unitCode, @PathVariable("maHoSo") String maHoSo,
            @PathVariable("index") int index) {
        View view = office.dossier(unitCode, maHoSo).orElse(null);
        if (view == null || index < 0 || index >= view.item().files().size()
                || !Files.isRegularFile(office.file(view.item(), index))) {
            return error(404, "Không tìm thấy tệp (no such file)", List.of());
        }
        StoredFile file = view.item().files().get(index);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name() == null ? "file" : file.name(), StandardCharsets.UTF_8).build()
                        .toString())
                .body(new FileSystemResource(office.file(view.item(), index)));
    }

    /** Forgets every dossier, event and file; faults stay. */
    @DeleteMapping
    public ResponseEntity<byte[]> clear() {
        int count = office.clear();
        log.info("one-stop simulator emptied ({} dossiers)", count);
        return json(200, JsonNodeFactory.instance.objectNode().put("dossiers", count));
    }

    @GetMapping("/faults")
    public ResponseEntity<byte[]> faults() {
        return json(200, office.faults().current().toJson());
    }

    /**
     * Replaces every setting ({@code {"down","errorRate","latencyMs","refuseMaHoSoPattern","refuseStatus"}}); a
     * missing one returns to "no fault".
     */
    @PutMapping("/faults")
    public ResponseEntity<byte[]> replaceFaults(@RequestBody(required = false) byte[] body) {
        MotcuaFaults.Settings settings;
        try {
            settings = MotcuaFaults.Settings.fromJson(body == null || body.length == 0 ? null : JSON.readTree(body));
        } catch (IOException e) {
            return error(400, "JSON không hợp lệ (invalid JSON): " + describe(e), List.of());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage(), List.of());
        }
        office.faults().replace(settings);
        log.info("one-stop simulator faults now {}", settings.toJson());
        return json(200, settings.toJson());
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> failure(RuntimeException e) {
        log.error("one-stop simulator failed", e);
        return error(500, "simulator failure: " + e.getMessage(), List.of());
    }

    private ResponseEntity<byte[]> fault(String maHoSo) {
        MotcuaFaults.Settings fault = office.faults().current();
        SimulatorFaults.Settings common = fault.common();
        common.delay();
        if (common.down()) {
            return error(503, "one-stop down (simulated)", List.of());
        }
        if (common.failsNow()) {
            return error(500, "one-stop error (simulated)", List.of());
        }
        if (fault.refuses(maHoSo)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                    .put("error", "Hệ thống một cửa từ chối hồ sơ " + maHoSo + " (refused, simulated)")
                    .put("reason", "Thủ tục không thuộc thẩm quyền của đơn vị (not this unit's procedure)");
            return json(fault.refuseStatus(), body);
        }
        return null;
    }

    private static void receiveFiles(MultipartHttpServletRequest multipart, MotcuaOffice.Upload upload)
            throws IOException {
        for (MultipartFile part : multipart.getFiles("file")) {
            try (InputStream in = part.getInputStream()) {
                upload.add(part.getOriginalFilename(), part.getContentType(), in);
            }
        }
    }

    /**
     * TaiLieuNop[] and the file parts describe the same files, matched by TenTepDinhKem = the part's file name. Without
     * TaiLieuNop, a dossier must have no files; an event's files are taken as they come.
     */
    private static void checkFiles(JsonNode body, String part, List<StoredFile> files, boolean dossier,
            List<String> problems) {
        JsonNode list = body.get("TaiLieuNop");
        if (list == null || list.isNull()) {
            if (dossier) {
                files.forEach(f -> problems.add("file '" + f.name() + "': không có trong " + part
                        + ".TaiLieuNop (not named by a TaiLieuNop entry)"));
            }
            return;
        }
        if (!list.isArray()) {
            problems.add(part + ".TaiLieuNop: phải là mảng (must be an array)");
            return;
        }
        Set<String> named = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = part + ".TaiLieuNop[" + i + "]";
            JsonNode name = list.get(i).get("TenTepDinhKem");
            if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                problems.add(at + ".TenTepDinhKem: thiếu (missing)");
                continue;
            }
            named.add(name.textValue());
            if (files.stream().noneMatch(f -> name.textValue().equals(f.name()))) {
                problems.add(at + ": không có phần 'file' tên '" + name.textValue() + "' (no file part with that name)");
            }
        }
        files.stream().filter(f -> f.name() == null || !named.contains(f.name())).forEach(f -> problems.add("file '"
                + f.name() + "': không có trong " + part + ".TaiLieuNop (not named by a TaiLieuNop entry)"));
    }

    private static ObjectNode dossierJson(View view) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("MaHoSo", view.item().maHoSo())
                .put("MaHoSoDonVi", view.item().maHoSoDonVi());
        item.set("dossier", view.item().body());
        item.set("files", files(view.item().files()));
        item.put("deliveries", view.deliveries());
        item.put("receivedAt", ISO.format(view.item().receivedAt()));
        ArrayNode events = item.putArray("events");
        for (View event : view.events()) {
            ObjectNode json = events.addObject().put("type", event.item().type());
            json.set("event", event.item().body());
            json.set("files", files(event.item().files()));
            json.put("deliveries", event.deliveries());
            json.put("receivedAt", ISO.format(event.item().receivedAt()));
        }
        return item;
    }

    private static ArrayNode files(List<StoredFile> files) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        files.forEach(f -> list.addObject().put("name", f.name()).put("size", f.size()).put("sha256", f.sha256()));
        return list;
    }

    /** A JSON part, sent as a file part or as a plain form field; null when absent. */
    private static JsonNode part(MultipartHttpServletRequest request, String name) throws IOException {
        MultipartFile part = request.getFile(name);
        if (part != null) {
            return JSON.readTree(part.getBytes()); // a few KB of JSON
        }
        String field = request.getParameter(name);
        return field == null ? null : JSON.readTree(field);
    }

    private static JsonNode body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(5 * 1024 * 1024);
            return bytes.length == 0 ? null : JSON.readTree(bytes);
        }
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
