package vn.lienthong.simulator.dvcqg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.HashingCopy;
import vn.lienthong.simulator.dvcqg.DvcqgInbox.Entry;

/**
 * The citizen's side of the simulated portal: filing a dossier online (multipart: a {@code dossier} part, JSON in the
 * DVCQG field set, and one {@code file} part per {@code TaiLieuNop} entry, named by its {@code TenTepDinhKem}), a
 * supplement to it (a {@code supplement} part, a DanhSachHoSoBoSung item, and its files), and a withdrawal request
 * (JSON {@code {"LyDo"}}). Files are streamed to disk with their SHA-256; bad input is a 400 listing every problem.
 * Never affected by faults (they are the province's side's).
 */
@RestController
@ConditionalOnDvcqgSimulator
@RequestMapping("/sim/dvcqg/citizen/dossiers")
public class DvcqgCitizenController {

    private static final Logger log = LoggerFactory.getLogger(DvcqgCitizenController.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.ofHours(7));

    private final DvcqgInbox inbox;
    private final DvcqgCitizenRules rules;
    private final DvcqgPush push;
    private final DvcqgSimulatorProperties properties;
    private final DvcqgJson json;

    public DvcqgCitizenController(DvcqgInbox inbox, DvcqgCitizenRules rules, DvcqgPush push,
            DvcqgSimulatorProperties properties, DvcqgJson json) {
        this.inbox = inbox;
        this.rules = rules;
        this.push = push;
        this.properties = properties;
        this.json = json;
    }

    /** Answers {@code {"MaHoSo", "id", "files": [{"id","name","size","sha256"}]}}; 409 when the MaHoSo is filed. */
    @PostMapping
    public ResponseEntity<byte[]> file(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = multipart(request);
        if (multipart == null) {
            return notMultipart("dossier");
        }
        JsonNode dossier;
        try {
            dossier = part(multipart, "dossier");
        } catch (IOException e) {
            return error(400, "dossier: JSON không hợp lệ (invalid JSON): " + DvcqgJson.describe(e), List.of());
        }
        try (DvcqgInbox.Upload upload = inbox.newUpload()) {
            ResponseEntity<byte[]> tooLarge = receiveFiles(multipart, upload);
            if (tooLarge != null) {
                return tooLarge;
            }
            List<String> problems = rules.checkDossier(dossier, upload.files());
            if (!problems.isEmpty()) {
                return error(400, "Hồ sơ không hợp lệ (invalid dossier)", problems);
            }
            String given = dossier.hasNonNull("MaHoSo") ? dossier.get("MaHoSo").textValue() : null;
            Instant now = inbox.clock().instant();
            Optional<Entry> filed = Optional.empty();
            String maHoSo = given;
            for (int attempt = 0; attempt < 5 && filed.isEmpty(); attempt++) {
                maHoSo = given != null && !given.isBlank() ? given : newMaHoSo(now);
                filed = inbox.fileDossier(upload, maHoSo, rules.completeDossier(dossier, maHoSo, upload.files(), now));
                if (given != null && !given.isBlank()) {
                    break;
                }
            }
            if (filed.isEmpty()) {
                return error(409, "Hồ sơ " + maHoSo + " đã được nộp (already filed)", List.of());
            }
            Entry entry = filed.get();
            log.info("DVCQG simulator: dossier {} filed for {} with {} files", entry.maHoSo(),
                    entry.data().path("MaDonVi").asText(), entry.files().size());
            push.wake();
            return answer(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the files", e);
        }
    }

    /** A supplement (DanhSachHoSoBoSung item) with its files; answers {@code {"MaHoSo", "id", "files"}}. */
    @PostMapping("/{maHoSo}/supplements")
    public ResponseEntity<byte[]> supplement(@PathVariable("maHoSo") String maHoSo, HttpServletRequest request) {
        MultipartHttpServletRequest multipart = multipart(request);
        if (multipart == null) {
            return notMultipart("supplement");
        }
        if (!inbox.hasDossier(maHoSo)) {
            return unknown(maHoSo);
        }
        JsonNode supplement;
        try {
            supplement = part(multipart, "supplement");
            if (supplement.isMissingNode()) {
                supplement = part(multipart, "dossier"); // "the same shape" as filing
            }
        } catch (IOException e) {
            return error(400, "supplement: JSON không hợp lệ (invalid JSON): " + DvcqgJson.describe(e), List.of());
        }
        try (DvcqgInbox.Upload upload = inbox.newUpload()) {
            ResponseEntity<byte[]> tooLarge = receiveFiles(multipart, upload);
            if (tooLarge != null) {
                return tooLarge;
            }
            List<String> problems = rules.checkSupplement(supplement, upload.files());
            if (!problems.isEmpty()) {
                return error(400, "Hồ sơ bổ sung không hợp lệ (invalid supplement)", problems);
            }
            ObjectNode data = rules.completeSupplement(supplement, maHoSo, upload.files(), inbox.clock().instant());
            Optional<Entry> filed = inbox.fileAction(upload, DvcqgInbox.SUPPLEMENT, maHoSo, data);
            if (filed.isEmpty()) {
                return unknown(maHoSo);
            }
            log.info("DVCQG simulator: supplement {} of dossier {} with {} files", filed.get().id(), maHoSo,
                    filed.get().files().size());
            push.wake();
            return answer(filed.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the files", e);
        }
    }

    /** JSON {@code {"LyDo": "..."}}: the citizen asks to withdraw the dossier (TrangThaiHoSo 7). */
    @PostMapping("/{maHoSo}/withdrawal")
    public ResponseEntity<byte[]> withdrawal(@PathVariable("maHoSo") String maHoSo,
            @RequestBody(required = false) byte[] body) {
        if (!inbox.hasDossier(maHoSo)) {
            return unknown(maHoSo);
        }
        JsonNode request;
        try {
            request = json.read(body);
        } catch (IOException e) {
            return error(400, "JSON không hợp lệ (invalid JSON): " + DvcqgJson.describe(e), List.of());
        }
        List<String> problems = rules.checkWithdrawal(request);
        if (!problems.isEmpty()) {
            return error(400, "Yêu cầu rút hồ sơ không hợp lệ (invalid withdrawal request)", problems);
        }
        ObjectNode data = rules.completeWithdrawal(request, maHoSo, inbox.clock().instant());
        try (DvcqgInbox.Upload none = inbox.newUpload()) {
            Optional<Entry> filed = inbox.fileAction(none, DvcqgInbox.WITHDRAWAL, maHoSo, data);
            if (filed.isEmpty()) {
                return unknown(maHoSo);
            }
            log.info("DVCQG simulator: withdrawal request {} of dossier {}", filed.get().id(), maHoSo);
            push.wake();
            return answer(filed.get());
        }
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<byte[]> failure(RuntimeException e) {
        log.error("DVCQG simulator (citizen side) failed", e);
        return error(500, "simulator failure: " + e.getMessage(), List.of());
    }

    /** Streams every {@code file} part to disk; a 413 naming the file when one is over the limit, else null. */
    private ResponseEntity<byte[]> receiveFiles(MultipartHttpServletRequest multipart, DvcqgInbox.Upload upload)
            throws IOException {
        long max = properties.citizen().maxFileSize().toBytes();
        for (MultipartFile part : multipart.getFiles("file")) {
            try (InputStream in = part.getInputStream()) {
                upload.add(part.getOriginalFilename(), part.getContentType(), in, max);
            } catch (HashingCopy.TooLargeException e) {
                return error(413, "Tệp '" + part.getOriginalFilename() + "' lớn hơn " + max
                        + " byte (file larger than the limit)", List.of());
            }
        }
        return null;
    }

    private String newMaHoSo(Instant now) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return properties.dstcode() + "-" + DAY.format(now) + "-" + HexFormat.of().withUpperCase().formatHex(random);
    }

    /** A JSON part, sent as a file part or as a plain form field; missing node when absent. */
    private JsonNode part(MultipartHttpServletRequest request, String name) throws IOException {
        MultipartFile part = request.getFile(name);
        if (part != null) {
            return json.read(part.getBytes()); // a few KB of JSON
        }
        String field = request.getParameter(name);
        return field == null ? json.read((byte[]) null) : json.read(field);
    }

    private static MultipartHttpServletRequest multipart(HttpServletRequest request) {
        return WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    }

    private ResponseEntity<byte[]> answer(Entry entry) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("MaHoSo", entry.maHoSo()).put("id", entry.id())
                .put("type", entry.type());
        ArrayNode files = body.putArray("files");
        entry.files().forEach(f -> files.addObject().put("id", f.id()).put("name", f.name()).put("size", f.size())
                .put("sha256", f.sha256()));
        return DvcqgReply.ok(body).toResponse(json);
    }

    private ResponseEntity<byte[]> notMultipart(String part) {
        return error(400, "Cần multipart/form-data với phần '" + part + "' và các phần 'file' (expects "
                + "multipart/form-data with a " + part + " part and file parts)", List.of());
    }

    private ResponseEntity<byte[]> unknown(String maHoSo) {
        return error(404, "Không tìm thấy hồ sơ " + maHoSo + " (unknown dossier)", List.of());
    }

    private ResponseEntity<byte[]> error(int status, String error, List<String> problems) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", error);
        if (!problems.isEmpty()) {
            ArrayNode list = body.putArray("problems");
            problems.forEach(list::add);
        }
        return new DvcqgReply(status, body).toResponse(json);
    }
}
