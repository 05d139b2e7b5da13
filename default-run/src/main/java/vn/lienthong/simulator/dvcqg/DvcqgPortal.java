package vn.lienthong.simulator.dvcqg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulated national portal's protocol: login, then one integration URL that dispatches on {@code service}.
 * Checks run in the portal's order: faults, JSON, session, envelope, then the service's own rules.
 */
public class DvcqgPortal {

    public static final String DONG_BO_HO_SO = "DongBoHoSoMC";
    public static final String CAP_NHAT_TIEN_DO = "CapNhatTienDoHoSoMC";
    public static final String TRA_CUU_HO_SO = "TraCuuHoSo";
    public static final List<String> SERVICES = List.of(DONG_BO_HO_SO, CAP_NHAT_TIEN_DO, TRA_CUU_HO_SO);

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

    public DvcqgPortal(DvcqgSimulatorProperties properties, DvcqgJson json, DvcqgSessions sessions,
            DvcqgFaults faults, DvcqgDossierRules rules, DvcqgStore store, DvcqgStats stats) {
        this.properties = properties;
        this.json = json;
        this.sessions = sessions;
        this.faults = faults;
        this.rules = rules;
        this.store = store;
        this.stats = stats;
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

    /** {@code POST /api}: the envelope {@code {"session","madonvi","service",...}}. */
    public DvcqgReply call(byte[] body) {
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
            default -> lookUp(envelope);
        };
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
