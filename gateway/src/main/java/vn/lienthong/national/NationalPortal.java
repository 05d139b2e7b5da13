package vn.lienthong.national;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.portal.PortalClient;
import vn.lienthong.portal.PortalProperties;
import vn.lienthong.portal.PortalReply;
import vn.lienthong.portal.PortalUnavailableException;

/**
 * The national portal's services for what comes down to the province, over the same session and envelope as the
 * dossier sync ({@link PortalClient}): the list of entries waiting for the province ({@code LayDanhSachHoSo}), a
 * dossier's detail ({@code LayChiTietHoSo}), "received" ({@code CapNhatDaNhanHoSo}), the province's status of a
 * dossier ({@code DongBoTrangThaiHoSo}), and a file ({@code getfile}, streamed to disk).
 */
@Component
public class NationalPortal {

    static final String LIST = "LayDanhSachHoSo";
    static final String DETAIL = "LayChiTietHoSo";
    static final String RECEIVED = "CapNhatDaNhanHoSo";
    static final String STATUS = "DongBoTrangThaiHoSo";
    /** TrangThaiHoSo 3: not accepted (Không được tiếp nhận). */
    static final int NOT_ACCEPTED = 3;
    private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneOffset VIET_NAM = ZoneOffset.ofHours(7);

    private final PortalClient portal;
    private final PortalProperties properties;
    private final NationalProperties national;
    private final ObjectMapper json;

    public NationalPortal(PortalClient portal, PortalProperties properties, NationalProperties national,
                          ObjectMapper json) {
        this.portal = portal;
        this.properties = properties;
        this.national = national;
        this.json = json;
    }

    /** The entries waiting for the province, oldest first, and how many wait in all. */
    public Listing waiting() {
        ObjectNode envelope = envelope(LIST).put("SoLuong", national.listLimit());
        JsonNode body = succeeded(LIST, portal.call(envelope)).body();
        JsonNode data = body.path("data");
        return new Listing(data.isArray() ? (ArrayNode) data : json.createArrayNode(), body.path("total").asInt(-1));
    }

    /** The listing: entries {@code {"id", "type", "MaHoSo", "MaDonVi", "data"}}. */
    public record Listing(ArrayNode entries, int total) {
    }

    /** A dossier as the portal holds it, with its files' URLs and its supplements. */
    public JsonNode detail(String maHoSo) {
        ObjectNode envelope = envelope(DETAIL).put("MaHoSo", maHoSo);
        return succeeded(DETAIL, portal.call(envelope)).body().path("data");
    }

    /** The province has the entry (a dossier or a later action): the portal stops listing it. Idempotent. */
    public void received(String entryId) {
        ObjectNode envelope = envelope(RECEIVED);
        envelope.putArray("data").addObject().put("id", entryId);
        succeeded(RECEIVED, portal.call(envelope));
    }

    /** Refused back to the portal with the reason (TrangThaiHoSo 3): the citizen sees it not accepted. */
    public void notAccepted(String maHoSo, String provinceId, String reason) {
        status(maHoSo, String.valueOf(NOT_ACCEPTED), provinceId, reason);
    }

    /** The province's status of a dossier it got from the portal, under its own id ({@code MaHoSoDonVi}). */
    public void status(String maHoSo, String trangThai, String provinceId, String noiDung) {
        ObjectNode envelope = envelope(STATUS);
        ObjectNode item = envelope.putArray("data").addObject()
                .put("MaHoSo", maHoSo)
                .put("MaHoSoDonVi", provinceId)
                .put("NgayXuLy", PORTAL_TIME.format(OffsetDateTime.now(VIET_NAM)));
        if (trangThai.matches("\\d{1,2}")) {
            item.put("TrangThai", Integer.parseInt(trangThai));
        } else {
            item.put("TrangThai", trangThai);
        }
        if (noiDung != null) {
            item.put("NoiDung", noiDung);
        }
        succeeded(STATUS, portal.call(envelope));
    }

    /** One file, streamed to {@code file} with its SHA-256 and size (at most lienthong.national.max-file-size). */
    public Fetched fetch(URI url, Path file) {
        MessageDigest sha256 = sha256();
        long size;
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                64 * 1024), sha256)) {
            size = portal.download(url, out, national.maxFileSize().toBytes(), national.fileTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a file from the portal", e);
        }
        return new Fetched(file, size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** A file fetched to the spool folder. */
    public record Fetched(Path file, long size, String sha256) {
    }

    /** Where a file of a dossier is: its DuongDanTaiTepTin, else the portal's getfile by its TepDinhKemId. */
    public URI fileUrl(JsonNode file) {
        String url = text(file, "DuongDanTaiTepTin");
        if (url != null) {
            return URI.create(url);
        }
        String id = text(file, "TepDinhKemId");
        if (id == null) {
            return null;
        }
        String base = properties.integrationUrl().toString();
        base = base.endsWith("/api") ? base.substring(0, base.length() - "/api".length()) : base;
        return URI.create(base + "/getfile/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
    }

    private ObjectNode envelope(String service) {
        return json.createObjectNode().put("madonvi", properties.dstcode()).put("service", service);
    }

    private PortalReply succeeded(String service, PortalReply reply) {
        if (!portal.isSuccess(reply)) {
            throw new PortalUnavailableException("the portal answered " + service + " with error_code "
                    + reply.errorCode() + ": " + reply.message());
        }
        return reply;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> files(JsonNode message) {
        JsonNode list = message.path("TaiLieuNop");
        if (!list.isArray()) {
            return List.of();
        }
        List<JsonNode> files = new java.util.ArrayList<>();
        list.forEach(file -> {
            JsonNode deleted = file.get("IsDeleted");
            boolean isDeleted = deleted != null && (deleted.asBoolean(false) || "1".equals(deleted.asText()));
            if (!isDeleted) {
                files.add(file);
            }
        });
        return files;
    }
}
