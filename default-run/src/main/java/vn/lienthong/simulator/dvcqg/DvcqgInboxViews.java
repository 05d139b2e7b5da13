package vn.lienthong.simulator.dvcqg;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.dvcqg.DvcqgInbox.DossierView;
import vn.lienthong.simulator.dvcqg.DvcqgInbox.Entry;
import vn.lienthong.simulator.dvcqg.DvcqgInbox.StoredFile;

/**
 * How the portal shows what it holds for the province. An entry (LayDanhSachHoSo, the push):
 * {@code {"id", "type": "dossier"|"supplement"|"withdrawal", "MaHoSo", "MaDonVi", "filedAt": yyyyMMddHHmmss,
 * "data": {...}}}, where each {@code TaiLieuNop[]} item of {@code data} carries {@code TepDinhKemId} and
 * {@code DuongDanTaiTepTin} (the URL its bytes are fetched from).
 */
final class DvcqgInboxViews {

    private static final ZoneOffset VIET_NAM = ZoneOffset.ofHours(7);

    private DvcqgInboxViews() {
    }

    static ObjectNode entry(Entry entry, String maDonVi, String fileBaseUrl) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", entry.id()).put("type", entry.type())
                .put("MaHoSo", entry.maHoSo());
        json.put("MaDonVi", maDonVi);
        json.put("filedAt", DvcqgCitizenRules.PORTAL_TIME.format(entry.filedAt()));
        json.set("data", withFileUrls(entry.data(), fileBaseUrl));
        return json;
    }

    /** A dossier as LayChiTietHoSo answers it: as filed, with its supplements appended to DanhSachHoSoBoSung. */
    static ObjectNode detail(Entry dossier, List<Entry> actions, String fileBaseUrl) {
        ObjectNode detail = withFileUrls(dossier.data(), fileBaseUrl);
        List<Entry> supplements = actions.stream().filter(a -> DvcqgInbox.SUPPLEMENT.equals(a.type())).toList();
        if (!supplements.isEmpty()) {
            JsonNode existing = detail.get("DanhSachHoSoBoSung");
            ArrayNode list = existing instanceof ArrayNode array ? array : detail.putArray("DanhSachHoSoBoSung");
            supplements.forEach(s -> list.add(withFileUrls(s.data(), fileBaseUrl)));
        }
        return detail;
    }

    /**
     * The admin view's part about the citizen's side: {@code "filed": {"filedAt", "dossier", "files", "actions"}}
     * and {@code "province": {"received", "receivedAt", "pushed", "statuses"}}.
     */
    static void admin(ObjectNode body, DossierView view) {
        Entry dossier = view.dossier();
        ObjectNode filed = body.putObject("filed");
        filed.put("id", dossier.id());
        filed.put("filedAt", iso(dossier.filedAt()));
        filed.set("dossier", dossier.data());
        filed.set("files", files(dossier.files()));
        ArrayNode actions = filed.putArray("actions");
        for (Entry action : view.actions()) {
            ObjectNode item = actions.addObject().put("id", action.id()).put("type", action.type())
                    .put("filedAt", iso(action.filedAt()));
            item.set("data", action.data());
            item.set("files", files(action.files()));
            Instant receivedAt = view.received().get(action.id());
            item.put("received", receivedAt != null);
            item.put("receivedAt", receivedAt == null ? null : iso(receivedAt));
        }
        ObjectNode province = body.putObject("province");
        Instant receivedAt = view.received().get(dossier.id());
        province.put("received", receivedAt != null);
        province.put("receivedAt", receivedAt == null ? null : iso(receivedAt));
        Instant pushedAt = view.pushed().get(dossier.id());
        province.put("pushed", pushedAt != null);
        ArrayNode statuses = province.putArray("statuses");
        view.statuses().forEach(status -> statuses.add(status.status()));
    }

    static ArrayNode files(List<StoredFile> files) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        files.forEach(f -> list.addObject().put("id", f.id()).put("name", f.name()).put("contentType", f.contentType())
                .put("size", f.size()).put("sha256", f.sha256()));
        return list;
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(VIET_NAM));
    }

    private static ObjectNode withFileUrls(ObjectNode data, String fileBaseUrl) {
        ObjectNode copy = data.deepCopy();
        if (copy.get("TaiLieuNop") instanceof ArrayNode items) {
            for (JsonNode item : items) {
                JsonNode id = item.get("TepDinhKemId");
                if (item instanceof ObjectNode object && id != null && id.isTextual()) {
                    object.put("DuongDanTaiTepTin", fileBaseUrl + id.textValue());
                }
            }
        }
        return copy;
    }
}
