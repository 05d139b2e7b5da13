package vn.lienthong.simulator.dvcqg;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.dvcqg.DvcqgInbox.StoredFile;

/**
 * What the simulated portal checks in what a citizen files, and what it fills in that the portal always sends
 * (domain.md "DVCQG → province"): MaHoSo, MaTTHC/TenTTHC, ChuHoSo, LoaiDoiTuong 1, NgayNopHoSo (now, yyyyMMddHHmmss in
 * Viet Nam's time), KenhThucHien 2 (online), TrangThaiHoSo 1 (newly registered), and each TaiLieuNop entry's
 * TepDinhKemId (the file's id at the portal). Every check runs, so one answer lists ALL problems.
 */
public class DvcqgCitizenRules {

    public static final DateTimeFormatter PORTAL_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.ofHours(7));

    private final DvcqgSimulatorProperties.Citizen settings;

    public DvcqgCitizenRules(DvcqgSimulatorProperties.Citizen settings) {
        this.settings = settings;
    }

    /** Problems of a dossier part and its files; empty = acceptable. */
    public List<String> checkDossier(JsonNode dossier, List<StoredFile> files) {
        List<String> problems = new ArrayList<>();
        if (!isObject(dossier, "dossier", problems)) {
            return problems;
        }
        optionalText(dossier, "MaHoSo", problems);
        requiredText(dossier, "MaDonVi", problems);
        for (String field : List.of("MaTTHC", "TenTTHC", "ChuHoSo")) {
            optionalText(dossier, field, problems);
        }
        code(dossier, "KenhThucHien", 1, 3, problems);
        code(dossier, "LoaiDoiTuong", 1, 4, problems);
        code(dossier, "TrangThaiHoSo", 1, 10, problems);
        for (String field : DvcqgDossierRules.DOSSIER_DATE_FIELDS) {
            date(dossier, field, problems);
        }
        checkFiles(dossier, files, problems);
        return problems;
    }

    /** Problems of a supplement part (a DanhSachHoSoBoSung item) and its files. */
    public List<String> checkSupplement(JsonNode supplement, List<StoredFile> files) {
        List<String> problems = new ArrayList<>();
        if (!isObject(supplement, "supplement", problems)) {
            return problems;
        }
        date(supplement, "NgayBoSung", problems);
        checkFiles(supplement, files, problems);
        return problems;
    }

    /** Problems of a withdrawal request {@code {"LyDo": "..."}}. */
    public List<String> checkWithdrawal(JsonNode request) {
        List<String> problems = new ArrayList<>();
        if (!isObject(request, "withdrawal", problems)) {
            return problems;
        }
        requiredText(request, "LyDo", problems);
        return problems;
    }

    /** The dossier as the portal hands it on: the citizen's fields, the portal's filled in where left out. */
    public ObjectNode completeDossier(JsonNode dossier, String maHoSo, List<StoredFile> files, Instant now) {
        ObjectNode complete = ((ObjectNode) dossier).deepCopy();
        complete.put("MaHoSo", maHoSo);
        if (absent(complete, "MaTTHC")) {
            complete.put("MaTTHC", settings.defaultMaTthc());
            if (absent(complete, "TenTTHC")) {
                complete.put("TenTTHC", settings.defaultTenTthc());
            }
        }
        fill(complete, "ChuHoSo", settings.defaultChuHoSo());
        if (absent(complete, "LoaiDoiTuong")) {
            complete.put("LoaiDoiTuong", 1);
        }
        fill(complete, "NgayNopHoSo", PORTAL_TIME.format(now));
        if (absent(complete, "KenhThucHien")) {
            complete.put("KenhThucHien", 2);
        }
        if (absent(complete, "TrangThaiHoSo")) {
            complete.put("TrangThaiHoSo", 1);
        }
        if (absent(complete, "TaiKhoanDuocXacThucVoiVNeID")) {
            complete.put("TaiKhoanDuocXacThucVoiVNeID", 1);
        }
        setFileIds(complete, files);
        return complete;
    }

    /** The supplement as the portal hands it on: its dossier's MaHoSo, NgayBoSung (now) when left out, file ids. */
    public ObjectNode completeSupplement(JsonNode supplement, String maHoSo, List<StoredFile> files, Instant now) {
        ObjectNode complete = ((ObjectNode) supplement).deepCopy();
        complete.put("MaHoSo", maHoSo);
        fill(complete, "NgayBoSung", PORTAL_TIME.format(now));
        setFileIds(complete, files);
        return complete;
    }

    /** A withdrawal request: {@code {"MaHoSo", "TrangThaiHoSo": 7, "LyDo", "NgayYeuCau"}}. */
    public ObjectNode completeWithdrawal(JsonNode request, String maHoSo, Instant now) {
        ObjectNode complete = ((ObjectNode) request).deepCopy();
        complete.put("MaHoSo", maHoSo);
        complete.put("TrangThaiHoSo", 7);
        fill(complete, "NgayYeuCau", PORTAL_TIME.format(now));
        return complete;
    }

    /** TaiLieuNop[] and the file parts describe the same files, matched by TenTepDinhKem = the part's file name. */
    private static void checkFiles(JsonNode object, List<StoredFile> files, List<String> problems) {
        JsonNode list = object.get("TaiLieuNop");
        if (list == null || list.isNull()) {
            files.forEach(f -> problems.add("file '" + f.name()
                    + "': không có trong TaiLieuNop (not named by a TaiLieuNop entry)"));
            return;
        }
        if (!list.isArray()) {
            problems.add("TaiLieuNop: phải là mảng (must be an array)");
            return;
        }
        Set<String> named = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "TaiLieuNop[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                problems.add(at + ": phải là đối tượng JSON (must be an object)");
                continue;
            }
            JsonNode name = item.get("TenTepDinhKem");
            if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                problems.add(at + ".TenTepDinhKem: thiếu (missing)");
                continue;
            }
            if (!named.add(name.textValue())) {
                problems.add(at + ".TenTepDinhKem: '" + name.textValue() + "' lặp lại (named twice)");
                continue;
            }
            long parts = files.stream().filter(f -> name.textValue().equals(f.name())).count();
            if (parts == 0) {
                problems.add(at + ": không có phần 'file' tên '" + name.textValue() + "' (no file part with that name)");
            } else if (parts > 1) {
                problems.add(at + ": " + parts + " phần 'file' tên '" + name.textValue()
                        + "' (more than one file part with that name)");
            }
        }
        files.stream().filter(f -> f.name() == null || !named.contains(f.name())).forEach(f -> problems.add("file '"
                + f.name() + "': không có trong TaiLieuNop (not named by a TaiLieuNop entry)"));
    }

    private static void setFileIds(ObjectNode object, List<StoredFile> files) {
        JsonNode list = object.get("TaiLieuNop");
        if (list instanceof ArrayNode items) {
            for (JsonNode item : items) {
                String name = item.get("TenTepDinhKem").textValue();
                files.stream().filter(f -> name.equals(f.name())).findFirst()
                        .ifPresent(f -> ((ObjectNode) item).put("TepDinhKemId", f.id()));
            }
        }
    }

    private static boolean isObject(JsonNode node, String part, List<String> problems) {
        if (node == null || node.isMissingNode()) {
            problems.add(part + ": thiếu phần '" + part + "' (missing the " + part + " part)");
            return false;
        }
        if (!node.isObject()) {
            problems.add(part + ": phải là đối tượng JSON (must be a JSON object)");
            return false;
        }
        return true;
    }

    private static boolean absent(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank());
    }

    private static void fill(ObjectNode object, String field, String value) {
        if (absent(object, field)) {
            object.put(field, value);
        }
    }

    private static void requiredText(JsonNode object, String field, List<String> problems) {
        if (absent(object, field)) {
            problems.add(field + ": thiếu (missing)");
        } else if (!object.get(field).isTextual()) {
            problems.add(field + ": phải là chuỗi (must be a string)");
        }
    }

    private static void optionalText(JsonNode object, String field, List<String> problems) {
        if (!absent(object, field) && !object.get(field).isTextual()) {
            problems.add(field + ": phải là chuỗi (must be a string)");
        }
    }

    private static void code(JsonNode object, String field, int min, int max, List<String> problems) {
        if (absent(object, field)) {
            return;
        }
        JsonNode node = object.get(field);
        long value;
        if (node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && node.textValue().trim().matches("\\d{1,9}")) {
            value = Long.parseLong(node.textValue().trim());
        } else {
            problems.add(field + ": '" + node.asText() + "' không phải mã số (must be a number " + min + ".." + max
                    + ")");
            return;
        }
        if (value < min || value > max) {
            problems.add(field + ": " + value + " ngoài khoảng " + min + ".." + max + " (out of range)");
        }
    }

    private static void date(JsonNode object, String field, List<String> problems) {
        if (absent(object, field)) {
            return;
        }
        JsonNode node = object.get(field);
        if (!node.isTextual() || !DvcqgDossierRules.isPortalDate(node.textValue())) {
            problems.add(field + ": '" + node.asText() + "' không phải ngày giờ hợp lệ yyyyMMddHHmmss (invalid date)");
        }
    }
}
