package vn.lienthong.simulator.dvcqg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulated national portal's protocol: login, then one integration URL that dispatches on {@code service}.
 * Checks run in the portal's order: faults, JSON, session, envelope, then the service's own rules.
 */
public class DvcqgPortal {

    public static final String DONG_BO_HO_SO = "DongBoHoSoMC";
    public static final String CAP_NHAT_TIEN_DO = "CapNhatTienDoHoSoMC";
    public static final String TRA_CUU_HO_SO = "TraCuuHoSo";
    /** The province's pull of what citizens filed: the entries (dossiers, supplements, withdrawals) not received. */
    public static final String LAY_DANH_SACH_HO_SO = "LayDanhSachHoSo";
    /** One filed dossier's detail, its files' URLs and its supplements. */
    public static final String LAY_CHI_TIET_HO_SO = "LayChiTietHoSo";
    /** The province has stored entries: they leave the list (idempotent). */
    public static final String CAP_NHAT_DA_NHAN_HO_SO = "CapNhatDaNhanHoSo";
    /** The province's status of a filed dossier, with its own id (MaHoSoDonVi). */
    public static final String DONG_BO_TRANG_THAI_HO_SO = "DongBoTrangThaiHoSo";
    public static final List<String> SERVICES = List.of(DONG_BO_HO_SO, CAP_NHAT_TIEN_DO, TRA_CUU_HO_SO,
            LAY_DANH_SACH_HO_SO, LAY_CHI_TIET_HO_SO, CAP_NHAT_DA_NHAN_HO_SO, DONG_BO_TRANG_THAI_HO_SO);
    /** Where a file's bytes are, relative to the simulator's root, when no absolute base is configured or known. */
    public static final String GETFILE_PATH = "/sim/dvcqg/getfile/";
    private static final int LIST_DEFAULT = 100;
    private static final int LIST_MAX = 1000;

    public static final int OK = 0;
    public static final int SESSION_INVALID = -1;
    public static final int INVALID = 1;
    public static final int ALREADY_EXISTS = 2;
    public static final int UNKNOWN_DOSSIER = 3;
    public static final int REJECTED = 4;
    public static final int BAD_CREDENTIALS = 401;

    private final DvcqgSimulatorProperties properties;
    private final DvcqgJson json;
    private final DvcqgSessions sessions;
    private final DvcqgFaults faults;
    private final DvcqgDossierRules rules;
    private final DvcqgStore store;
    private final DvcqgStats stats;
    private final DvcqgInbox inbox;

    public DvcqgPortal(DvcqgSimulatorProperties properties, DvcqgJson json, DvcqgSessions sessions,
            DvcqgFaults faults, DvcqgDossierRules rules, DvcqgStore store, DvcqgStats stats, DvcqgInbox inbox) {
        this.properties = properties;
        this.json = json;
        this.sessions = sessions;
        this.faults = faults;
        this.rules = rules;
        this.store = store;
        this.stats = stats;
        this.inbox = inbox;
    }

    /** What DuongDanTaiTepTin starts with: the configured base, else {@code reachedAs} (this simulator's getfile). */
    public String fileBaseUrl(String reachedAs) {
        String configured = properties.citizen().fileBaseUrl();
        return configured != null && !configured.isBlank() ? configured : reachedAs;
    }

    /** {@code POST /auth}: {@code {"username","password"}} plus header {@code dstcode}. */
    public DvcqgReply authenticate(String dstcode, byte[] body) {
        stats.request(DvcqgStats.AUTH);
        DvcqgFaults.Settings fault = faults.current();
        fault.delay();
        if (fault.down()) {
            stats.failedByFault();
            return down();
        }
        JsonNode credentials;
        try {
            credentials = json.read(body);
        } catch (IOException e) {
            return invalidJson(e);
        }
        if (!credentials.isObject()) {
            return DvcqgReply.portal(INVALID, "JSON không hợp lệ: cần một đối tượng {\"username\",\"password\"}");
        }
        boolean valid = same(dstcode, properties.dstcode())
                & same(text(credentials, "username"), properties.username())
                & same(text(credentials, "password"), properties.password());
        if (!valid) {
            return DvcqgReply.portal(BAD_CREDENTIALS, "Sai thông tin đăng nhập (invalid credentials)");
        }
        ObjectNode reply = DvcqgReply.portalBody(OK, "OK");
        reply.put("session", sessions.open());
        return DvcqgReply.ok(reply);
    }

    /** What {@code GET /getfile/{id}} answers: the file, or a reply (a fault, or 404). */
    public record FileAnswer(DvcqgInbox.StoredFile file, Path path, DvcqgReply refusal) {
    }

    /**
     * {@code GET /getfile/{id}}: a citizen's file by its TepDinhKemId. Faults as the integration calls (down 503,
     * errorRate 500, latency), and {@code failFilePattern} on the file's name (500, every time). No session: the id
     * is unguessable, like the portal's file links.
     */
    public FileAnswer file(String id) {
        stats.request(DvcqgStats.GETFILE);
        DvcqgFaults.Settings fault = faults.current();
        fault.delay();
        if (fault.down()) {
            stats.failedByFault();
            return new FileAnswer(null, null, down());
        }
        if (fault.failsNow()) {
            stats.failedByFault();
            return new FileAnswer(null, null, DvcqgReply.error(500, "portal error (simulated)"));
        }
        DvcqgInbox.StoredFile file = inbox.file(id).orElse(null);
        if (file == null || !Files.isRegularFile(inbox.path(file))) {
            return new FileAnswer(null, null, DvcqgReply.error(404, "Không tìm thấy tệp " + id + " (unknown file)"));
        }
        if (fault.failsFile(file.name())) {
            stats.failedByFault();
            return new FileAnswer(null, null, DvcqgReply.error(500, "portal error (simulated) for file " + file.name()));
        }
        return new FileAnswer(file, inbox.path(file), null);
    }

    /** {@code POST /api}: the envelope {@code {"session","madonvi","service",...}}; file URLs relative. */
    public DvcqgReply call(byte[] body) {
        return call(body, GETFILE_PATH);
    }

    /**
     * {@code POST /api}: the envelope {@code {"session","madonvi","service",...}}.
     *
     * @param fileBaseUrl what the files' DuongDanTaiTepTin start with (the file id follows)
     */
    public DvcqgReply call(byte[] body, String fileBaseUrl) {
        JsonNode envelope;
        IOException unreadable = null;
        try {
            envelope = json.read(body);
        } catch (IOException e) {
            envelope = null;
            unreadable = e;
        }
        // counted before any fault answers, so a benchmark sees every attempt
        stats.request(envelope == null ? null : text(envelope, "service"));
        DvcqgFaults.Settings fault = faults.current();
        fault.delay();
        if (fault.down()) {
            stats.failedByFault();
            return down();
        }
        if (fault.failsNow()) {
            stats.failedByFault();
            return DvcqgReply.error(500, "portal error (simulated)");
        }
        if (unreadable != null) {
            return invalidJson(unreadable);
        }
        if (!envelope.isObject()) {
            return DvcqgReply.portal(INVALID, "JSON không hợp lệ: envelope phải là một đối tượng (must be an object)");
        }
        String failing = failingMaHoSo(envelope, fault);
        if (failing != null) {
            stats.failedByFault();
            return DvcqgReply.error(500, "portal error (simulated) for " + failing);
        }
        if (!sessions.isValid(text(envelope, "session"))) {
            return DvcqgReply.portal(SESSION_INVALID, "Phiên làm việc không hợp lệ hoặc đã hết hạn (session invalid)");
        }
        List<String> problems = new ArrayList<>();
        if (!hasValue(envelope.get("madonvi"))) {
            problems.add("madonvi: thiếu (missing)");
        }
        String service = text(envelope, "service");
        if (service == null || service.isBlank()) {
            problems.add("service: thiếu (missing)");
        } else if (!SERVICES.contains(service)) {
            problems.add("service: '" + service + "' không được hỗ trợ (unknown service)");
        }
        if (!problems.isEmpty()) {
            return invalid("Yêu cầu không hợp lệ (invalid request): ", problems);
        }
        return switch (service) {
            case DONG_BO_HO_SO -> syncDossiers(envelope, fault);
            case CAP_NHAT_TIEN_DO -> syncProgress(envelope);
            case LAY_DANH_SACH_HO_SO -> listWaiting(envelope, fileBaseUrl(fileBaseUrl));
            case LAY_CHI_TIET_HO_SO -> filedDossier(envelope, fileBaseUrl(fileBaseUrl));
            case CAP_NHAT_DA_NHAN_HO_SO -> markReceived(envelope);
            case DONG_BO_TRANG_THAI_HO_SO -> syncStatus(envelope);
            default -> lookUp(envelope);
        };
    }

    /**
     * LayDanhSachHoSo: {@code "SoLuong"} (optional, 1..1000, default 100) → {@code "data": [entry...]}, oldest first,
     * every entry not marked received yet, whatever its MaDonVi (the simulator is one province's view).
     */
    private DvcqgReply listWaiting(JsonNode envelope, String fileBaseUrl) {
        int limit = LIST_DEFAULT;
        JsonNode count = envelope.get("SoLuong");
        if (count != null && !count.isNull()) {
            long value = count.isNumber() && count.canConvertToExactIntegral() ? count.longValue()
                    : count.isTextual() && count.textValue().trim().matches("\\d{1,9}")
                            ? Long.parseLong(count.textValue().trim()) : -1;
            if (value < 1 || value > LIST_MAX) {
                return invalid("Yêu cầu không hợp lệ (invalid request): ",
                        List.of("SoLuong: phải là số từ 1 đến " + LIST_MAX + " (must be 1.." + LIST_MAX + ")"));
            }
            limit = (int) value;
        }
        ObjectNode reply = DvcqgReply.portalBody(OK, "Lấy danh sách hồ sơ thành công");
        ArrayNode data = reply.putArray("data");
        for (DvcqgInbox.Entry entry : inbox.waiting(limit)) {
            data.add(DvcqgInboxViews.entry(entry, maDonVi(entry.maHoSo()), fileBaseUrl));
        }
        reply.put("total", inbox.waitingCount());
        return DvcqgReply.ok(reply);
    }

    /** LayChiTietHoSo: {@code "MaHoSo"} → {@code "data": {...dossier as filed, files' URLs, supplements...}}. */
    private DvcqgReply filedDossier(JsonNode envelope, String fileBaseUrl) {
        String maHoSo = text(envelope, "MaHoSo");
        if (maHoSo == null || maHoSo.isBlank()) {
            return invalid("Yêu cầu không hợp lệ (invalid request): ", List.of("MaHoSo: thiếu (missing)"));
        }
        return inbox.dossierEntry(maHoSo)
                .map(dossier -> {
                    ObjectNode reply = DvcqgReply.portalBody(OK, "Lấy chi tiết hồ sơ thành công");
                    reply.set("data", DvcqgInboxViews.detail(dossier, inbox.actions(maHoSo), fileBaseUrl));
                    return DvcqgReply.ok(reply);
                })
                .orElseGet(() -> unknownDossier(List.of(maHoSo)));
    }

    /**
     * CapNhatDaNhanHoSo: {@code "data": [{"id": entry id} | {"MaHoSo": ...} (its dossier entry)]}, all or none;
     * idempotent: marking again answers 0 and keeps the first time ({@code "alreadyReceived": true}).
     */
    private DvcqgReply markReceived(JsonNode envelope) {
        JsonNode data = envelope.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            return invalid("Dữ liệu không hợp lệ (invalid data): ",
                    List.of("data: phải là mảng không rỗng [{\"id\"} hoặc {\"MaHoSo\"}] (must be a non-empty array)"));
        }
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            String id = item.isObject() ? text(item, "id") : null;
            String maHoSo = item.isObject() ? text(item, "MaHoSo") : null;
            if (id != null && !id.isBlank()) {
                inbox.entry(id).ifPresentOrElse(entry -> ids.add(entry.id()), () -> unknown.add(id));
            } else if (maHoSo != null && !maHoSo.isBlank()) {
                inbox.dossierEntry(maHoSo).ifPresentOrElse(entry -> ids.add(entry.id()), () -> unknown.add(maHoSo));
            } else {
                problems.add("data[" + i + "]: cần \"id\" hoặc \"MaHoSo\" (needs an id or a MaHoSo)");
            }
        }
        if (!problems.isEmpty()) {
            return invalid("Dữ liệu không hợp lệ (invalid data): ", problems);
        }
        if (!unknown.isEmpty()) {
            return unknownDossier(unknown);
        }
        ObjectNode reply = DvcqgReply.portalBody(OK, "Cập nhật đã nhận hồ sơ thành công");
        ArrayNode marked = reply.putArray("data");
        for (DvcqgInbox.Marked mark : inbox.markReceived(ids)) {
            marked.addObject().put("id", mark.entry().id()).put("type", mark.entry().type())
                    .put("MaHoSo", mark.entry().maHoSo())
                    .put("receivedAt", DvcqgCitizenRules.PORTAL_TIME.format(mark.receivedAt()))
                    .put("alreadyReceived", mark.alreadyReceived());
        }
        return DvcqgReply.ok(reply);
    }

    /**
     * DongBoTrangThaiHoSo: {@code "data": [{"MaHoSo", "TrangThai" (or "TrangThaiHoSo"): 1..10, "MaHoSoDonVi",
     * "NoiDung", "NgayXuLy", "TaiLieuXuLy": [...]}]}, all or none; TrangThai 3 (not accepted) needs NoiDung (the
     * reason).
     */
    private DvcqgReply syncStatus(JsonNode envelope) {
        JsonNode data = envelope.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            return invalid("Dữ liệu không hợp lệ (invalid data): ",
                    List.of("data: phải là mảng không rỗng (must be a non-empty array)"));
        }
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String at = "data[" + i + "]";
            JsonNode item = data.get(i);
            if (!item.isObject()) {
                problems.add(at + ": phải là đối tượng JSON (must be an object)");
                continue;
            }
            String maHoSo = text(item, "MaHoSo");
            if (maHoSo == null || maHoSo.isBlank()) {
                problems.add(at + ".MaHoSo: thiếu (missing)");
            } else if (!inbox.hasDossier(maHoSo) && !unknown.contains(maHoSo)) {
                unknown.add(maHoSo);
            }
            String maHoSoDonVi = text(item, "MaHoSoDonVi");
            if (maHoSoDonVi == null || maHoSoDonVi.isBlank()) {
                problems.add(at + ".MaHoSoDonVi: thiếu (missing: the province's own id of the dossier)");
            }
            JsonNode status = item.has("TrangThai") ? item.get("TrangThai") : item.get("TrangThaiHoSo");
            Integer code = statusCode(status);
            if (code == null) {
                problems.add(at + ".TrangThai: " + (status == null || status.isNull() ? "thiếu (missing)"
                        : "'" + status.asText() + "' phải là mã 1..10 (must be a TrangThaiHoSo code 1..10)"));
            } else if (code == 3 && (text(item, "NoiDung") == null || text(item, "NoiDung").isBlank())) {
                problems.add(at + ".NoiDung: thiếu lý do không tiếp nhận (TrangThai 3 needs the reason)");
            }
            JsonNode date = item.get("NgayXuLy");
            if (date != null && !date.isNull() && !(date.isTextual() && DvcqgDossierRules.isPortalDate(date.textValue()))) {
                problems.add(at + ".NgayXuLy: '" + date.asText()
                        + "' không phải ngày giờ hợp lệ yyyyMMddHHmmss (invalid date)");
            }
            JsonNode files = item.get("TaiLieuXuLy");
            if (files != null && !files.isNull() && !files.isArray()) {
                problems.add(at + ".TaiLieuXuLy: phải là mảng (must be an array)");
            }
        }
        if (!problems.isEmpty()) {
            return invalid("Dữ liệu không hợp lệ (invalid data): ", problems);
        }
        if (!unknown.isEmpty()) {
            return unknownDossier(unknown);
        }
        inbox.addStatuses(objects(data));
        return DvcqgReply.portal(OK, "Đồng bộ trạng thái hồ sơ thành công");
    }

    private String maDonVi(String maHoSo) {
        return inbox.dossierEntry(maHoSo).map(dossier -> text(dossier.data(), "MaDonVi")).orElse(null);
    }

    private static Integer statusCode(JsonNode node) {
        long value;
        if (node == null || node.isNull()) {
            return null;
        } else if (node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && node.textValue().trim().matches("\\d{1,2}")) {
            value = Long.parseLong(node.textValue().trim());
        } else {
            return null;
        }
        return value >= 1 && value <= 10 ? (int) value : null;
    }

    private DvcqgReply syncDossiers(JsonNode envelope, DvcqgFaults.Settings fault) {
        List<String> problems = rules.checkDossierSync(envelope);
        if (!problems.isEmpty()) {
            return invalid("Dữ liệu không hợp lệ (invalid data): ", problems);
        }
        List<ObjectNode> dossiers = objects(envelope.get("data"));
        List<String> rejected = dossiers.stream().map(DvcqgPortal::maHoSo).filter(fault::rejects).distinct().toList();
        if (!rejected.isEmpty()) {
            stats.rejectedByFault();
            return DvcqgReply.portal(REJECTED,
                    each(rejected, id -> "Từ chối hồ sơ " + id + ": thủ tục không hợp lệ (rejected by portal)"));
        }
        List<String> existing = store.syncDossiers(dossiers, DvcqgDossierRules.isUpdating(envelope));
        if (!existing.isEmpty()) {
            return DvcqgReply.portal(ALREADY_EXISTS, each(existing, id -> "Hồ sơ " + id + " đã tồn tại (already exists)"));
        }
        return DvcqgReply.portal(OK, "Đồng bộ thành công");
    }

    private DvcqgReply syncProgress(JsonNode envelope) {
        List<String> problems = rules.checkProgress(envelope);
        if (!problems.isEmpty()) {
            return invalid("Dữ liệu không hợp lệ (invalid data): ", problems);
        }
        List<String> unknown = store.appendProgress(objects(envelope.get("data")));
        if (!unknown.isEmpty()) {
            return unknownDossier(unknown);
        }
        return DvcqgReply.portal(OK, "Cập nhật tiến độ thành công");
    }

    private DvcqgReply lookUp(JsonNode envelope) {
        String maHoSo = text(envelope, "MaHoSo");
        if (maHoSo == null || maHoSo.isBlank()) {
            return invalid("Yêu cầu không hợp lệ (invalid request): ", List.of("MaHoSo: thiếu (missing)"));
        }
        return store.dossier(maHoSo)
                .map(dossier -> {
                    ObjectNode reply = DvcqgReply.portalBody(OK, "Tra cứu thành công");
                    reply.set("data", dossier);
                    return DvcqgReply.ok(reply);
                })
                .orElseGet(() -> unknownDossier(List.of(maHoSo)));
    }

    /** The first MaHoSo of the call (in {@code data[]} or the look-up's own) matched by {@code failMaHoSoPattern}. */
    private static String failingMaHoSo(JsonNode envelope, DvcqgFaults.Settings fault) {
        if (fault.failMaHoSoPattern() == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        codes.add(text(envelope, "MaHoSo"));
        JsonNode data = envelope.get("data");
        if (data != null && data.isArray()) {
            data.forEach(item -> codes.add(item.isObject() ? text(item, "MaHoSo") : null));
        }
        return codes.stream().filter(fault::fails).findFirst().orElse(null);
    }

    private static DvcqgReply unknownDossier(List<String> maHoSo) {
        return DvcqgReply.portal(UNKNOWN_DOSSIER, each(maHoSo, id -> "Không tìm thấy hồ sơ " + id + " (unknown dossier)"));
    }

    private static DvcqgReply invalid(String prefix, List<String> problems) {
        return DvcqgReply.portal(INVALID, prefix + String.join("; ", problems));
    }

    private static DvcqgReply invalidJson(IOException e) {
        return DvcqgReply.portal(INVALID, "JSON không hợp lệ: " + DvcqgJson.describe(e));
    }

    private static DvcqgReply down() {
        return DvcqgReply.error(503, "portal down (simulated)");
    }

    private static String each(List<String> ids, Function<String, String> message) {
        return ids.stream().map(message).collect(Collectors.joining("; "));
    }

    private static List<ObjectNode> objects(JsonNode array) {
        List<ObjectNode> objects = new ArrayList<>(array.size());
        array.forEach(node -> objects.add((ObjectNode) node)); // the rules have checked every element is an object
        return objects;
    }

    private static String maHoSo(ObjectNode node) {
        return node.get("MaHoSo").textValue();
    }

    private static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private static boolean hasValue(JsonNode node) {
        return node != null && !node.isNull() && !(node.isTextual() && node.textValue().isBlank())
                && node.isValueNode();
    }

    /** Constant-time comparison, so the simulator does not teach a timing leak to anyone copying it. */
    private static boolean same(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
