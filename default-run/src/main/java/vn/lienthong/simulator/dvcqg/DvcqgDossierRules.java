package vn.lienthong.simulator.dvcqg;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the simulated portal checks in a DongBoHoSoMC or CapNhatTienDoHoSoMC envelope. Every check runs, so one answer
 * lists ALL problems ({@code data[i].Field: problem}); an empty list means acceptable.
 */
public class DvcqgDossierRules {

    /** Date fields checked whenever present (required or not). */
    public static final List<String> DOSSIER_DATE_FIELDS = List.of(
            "NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "NgayTuChoi", "NgayNopHoSo");

    private static final List<String> DOSSIER_REQUIRED_TEXT = List.of("MaHoSo", "MaTTHC", "TenTTHC", "ChuHoSo");
    private static final List<String> PROGRESS_REQUIRED_TEXT = List.of("MaHoSo", "NguoiXuLy", "NoiDungXuLy");

    private static final Pattern FOURTEEN_DIGITS = Pattern.compile("\\d{14}");
    private static final Pattern CODE_DIGITS = Pattern.compile("\\d{1,9}");
    // STRICT: 20250230120000 is refused rather than rolled over to 2 March
    private static final DateTimeFormatter PORTAL_DATE =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    /** Problems of a DongBoHoSoMC envelope: isUpdating, data, and every dossier in data. */
    public List<String> checkDossierSync(JsonNode envelope) {
        List<String> problems = new ArrayList<>();
        if (isUpdating(envelope) == null) {
            problems.add("isUpdating: phải là \"True\" hoặc \"False\" (must be \"True\" or \"False\")");
        }
        JsonNode data = envelope.get("data");
        if (!isNonEmptyArray(data, problems)) {
            return problems;
        }
        for (int i = 0; i < data.size(); i++) {
            String at = "data[" + i + "]";
            JsonNode dossier = data.get(i);
            if (!dossier.isObject()) {
                problems.add(at + ": phải là đối tượng JSON (must be an object)");
                continue;
            }
            for (String field : DOSSIER_REQUIRED_TEXT) {
                requiredText(dossier, field, at, problems);
            }
            code(dossier, "KenhThucHien", 1, 3, at, problems);
            code(dossier, "LoaiDoiTuong", 1, 4, at, problems);
            code(dossier, "TrangThaiHoSo", 1, 10, at, problems);
            for (String field : DOSSIER_DATE_FIELDS) {
                date(dossier, field, field.equals("NgayTiepNhan"), at, problems);
            }
        }
        return problems;
    }

    /** Problems of a CapNhatTienDoHoSoMC envelope: data and every progress item in it. */
    public List<String> checkProgress(JsonNode envelope) {
        List<String> problems = new ArrayList<>();
        JsonNode data = envelope.get("data");
        if (!isNonEmptyArray(data, problems)) {
            return problems;
        }
        for (int i = 0; i < data.size(); i++) {
            String at = "data[" + i + "]";
            JsonNode item = data.get(i);
            if (!item.isObject()) {
                problems.add(at + ": phải là đối tượng JSON (must be an object)");
                continue;
            }
            for (String field : PROGRESS_REQUIRED_TEXT) {
                requiredText(item, field, at, problems);
            }
            date(item, "ThoiDiemXuLy", true, at, problems);
            code(item, "TrangThai", 1, 10, at, problems);
        }
        return problems;
    }

    /** {@code "True"}/{@code "False"} (any case) or a JSON boolean; null when neither. */
    public static Boolean isUpdating(JsonNode envelope) {
        JsonNode node = envelope.get("isUpdating");
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static boolean isNonEmptyArray(JsonNode data, List<String> problems) {
        if (data == null || data.isNull()) {
            problems.add("data: thiếu (missing)");
            return false;
        }
        if (!data.isArray() || data.isEmpty()) {
            problems.add("data: phải là mảng không rỗng (must be a non-empty array)");
            return false;
        }
        return true;
    }

    private static void requiredText(JsonNode object, String field, String at, List<String> problems) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            problems.add(at + "." + field + ": thiếu (missing)");
        } else if (!node.isTextual()) {
            problems.add(at + "." + field + ": phải là chuỗi (must be a string)");
        } else if (node.textValue().isBlank()) {
            problems.add(at + "." + field + ": rỗng (empty)");
        }
    }

    /** A code list value, as a JSON number ({@code 2}) or a string ({@code "2"}); compared as a number. */
    private static void code(JsonNode object, String field, int min, int max, String at, List<String> problems) {
        JsonNode node = object.get(field);
        long value;
        if (node == null || node.isNull()) {
            problems.add(at + "." + field + ": thiếu (missing)");
            return;
        } else if (node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()) {
            value = node.longValue();
        } else if (node.isTextual() && CODE_DIGITS.matcher(node.textValue().trim()).matches()) {
            value = Long.parseLong(node.textValue().trim());
        } else {
            problems.add(at + "." + field + ": '" + node.asText() + "' không phải mã số (must be a number " + min
                    + ".." + max + ")");
            return;
        }
        if (value < min || value > max) {
            problems.add(at + "." + field + ": " + value + " ngoài khoảng " + min + ".." + max + " (out of range)");
        }
    }

    private static void date(JsonNode object, String field, boolean required, String at, List<String> problems) {
        JsonNode node = object.get(field);
        // one-stop systems send "" for a date not set yet ("NgayTra": ""): the same as absent
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
            if (required) {
                problems.add(at + "." + field + ": thiếu (missing)");
            }
            return;
        }
        if (!node.isTextual() || !isPortalDate(node.textValue())) {
            problems.add(at + "." + field + ": '" + node.asText()
                    + "' không phải ngày giờ hợp lệ yyyyMMddHHmmss (invalid date)");
        }
    }

    static boolean isPortalDate(String text) {
        if (!FOURTEEN_DIGITS.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDateTime.parse(text, PORTAL_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
