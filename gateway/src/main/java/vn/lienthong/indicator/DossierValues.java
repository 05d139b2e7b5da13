package vn.lienthong.indicator;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.mapping.PortalDates;

/**
 * What one message says about its dossier that the indicators are made of, read from either shape the gateway
 * carries: the canonical dossier (camelCase, ISO dates: what a one-stop system's sync becomes at intake) or the
 * portal's field set (PascalCase, {@code yyyyMMddHHmmss}: a dossier that came down from the national portal). Kept as
 * JSON in {@code indicator_dossier.dossier_values} (canonical names), so that the indicators can be computed again
 * from it after a change of definition ({@link Definitions}).
 *
 * @param unitCode               MaDonVi as sent (the code table is applied when the dossier is counted)
 * @param channel                KenhThucHien: 1 in person, 2 online, 3 postal; null when not said
 * @param receivedAt             NgayTiepNhan
 * @param filedAt                NgayNopHoSo
 * @param dueAt                  NgayHenTra
 * @param returnedAt             NgayTra (set: the dossier is finished)
 * @param paidOnline             DuocThanhToanTrucTuyen is 1
 * @param digitised              HoSoCoThanhPhanSoHoa is 1
 * @param vneid                  TaiKhoanDuocXacThucVoiVNeID is 1
 * @param partsDigitised         TaiLieuNop items (not deleted) with DuocSoHoa 1
 * @param partsReused            TaiLieuNop items with DuocTaiSuDung 1 or 2
 * @param partsFromNationalStore TaiLieuNop items with DuocLayTuKhoDMQG 1
 * @param resultsIssued          DanhSachGiayToKetQua items (electronic results issued)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierValues(String unitCode, String maTTHC, String tenTTHC, Integer channel, Integer status,
                            OffsetDateTime receivedAt, OffsetDateTime filedAt, OffsetDateTime dueAt,
                            OffsetDateTime returnedAt, boolean paidOnline, boolean digitised, boolean vneid,
                            int partsDigitised, int partsReused, int partsFromNationalStore, int resultsIssued) {

    /** A canonical dossier (a map from the intake's translation) or the portal's (a JSON tree). */
    static DossierValues of(Object body, ObjectMapper json) {
        JsonNode dossier = body instanceof JsonNode node ? node : json.valueToTree(body);
        Fields f = new Fields(dossier);
        int digitisedParts = 0;
        int reused = 0;
        int fromStore = 0;
        for (JsonNode part : f.list("taiLieuNop")) {
            Fields p = new Fields(part);
            if (p.flag("isDeleted")) {
                continue;
            }
            digitisedParts += p.flag("duocSoHoa") ? 1 : 0;
            Integer reuse = p.number("duocTaiSuDung");
            reused += reuse != null && (reuse == 1 || reuse == 2) ? 1 : 0;
            fromStore += p.flag("duocLayTuKhoDMQG") ? 1 : 0;
        }
        return new DossierValues(f.text("maDonVi"), f.text("maTTHC"), f.text("tenTTHC"), f.number("kenhThucHien"),
                f.number("trangThaiHoSo"), f.date("ngayTiepNhan"), f.date("ngayNopHoSo"), f.date("ngayHenTra"),
                f.date("ngayTra"), f.flag("duocThanhToanTrucTuyen"), f.flag("hoSoCoThanhPhanSoHoa"),
                f.flag("taiKhoanDuocXacThucVoiVNeID"), digitisedParts, reused, fromStore,
                f.list("danhSachGiayToKetQua").size());
    }

    /** A field by its canonical name or the portal's (the same name with a capital first letter). */
    private record Fields(JsonNode node) {

        JsonNode get(String canonical) {
            JsonNode value = node.get(canonical);
            if (value == null || value.isNull()) {
                value = node.get(Character.toUpperCase(canonical.charAt(0)) + canonical.substring(1));
            }
            return value == null || value.isNull() ? null : value;
        }

        String text(String name) {
            JsonNode value = get(name);
            String text = value == null ? null : value.asText().trim();
            return text == null || text.isEmpty() ? null : text;
        }

        Integer number(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }

        /** 1, "1", true or "true". */
        boolean flag(String name) {
            String text = text(name);
            return text != null && (text.equals("1") || text.toLowerCase(Locale.ROOT).equals("true"));
        }

        /** An ISO date-time with offset, or the portal's {@code yyyyMMddHHmmss} in Viet Nam time; null if neither. */
        OffsetDateTime date(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                if (text.length() == 14) {
                    LocalDateTime local = PortalDates.parsePortal(text);
                    return local.atZone(PortalDates.PORTAL_ZONE).toOffsetDateTime();
                }
                return PortalDates.parseIso(text);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }

        List<JsonNode> list(String name) {
            JsonNode value = get(name);
            if (value == null || !value.isArray()) {
                return List.of();
            }
            List<JsonNode> items = new ArrayList<>(value.size());
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                JsonNode item = it.next();
                if (item.isObject()) {
                    items.add(item);
                }
            }
            return items;
        }
    }

    /** For the rating events of the national inbound flow: the citizen's mark (1..5) and whether it is a complaint. */
    record Rating(Integer mark, boolean complaint) {

        static Rating of(Object body, ObjectMapper json) {
            JsonNode event = body instanceof JsonNode node ? node : json.valueToTree(body);
            Fields f = new Fields(event);
            Integer mark = f.number("diemDanhGia");
            if (mark == null) {
                mark = f.number("mucDoHaiLong");
            }
            if (mark != null && (mark < 1 || mark > 5)) {
                mark = null;
            }
            return new Rating(mark, f.flag("khieuNai"));
        }
    }
}
