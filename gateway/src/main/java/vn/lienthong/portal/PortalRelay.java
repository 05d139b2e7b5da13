package vn.lienthong.portal;

import java.io.IOException;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.mapping.Mappings;
import vn.lienthong.message.ExchangeNames.Header;

/**
 * The portal's envelope around a relayed message: the client already speaks the portal's field set, so each dossier
 * or progress item goes as it was sent, value for value and type for type ({@code "IsDeleted": "False"}, {@code ""},
 * {@code null}, {@code 150000.50} and properties the gateway does not know included). The mappings it applies, and
 * only these (mappings/README.md "Relayed formats"): the envelope's {@code madonvi} is the message's unit through the
 * code table {@code ma-don-vi}, and {@code MaDonVi} (the gateway's addition to the portal's dossier fields) is not
 * repeated inside the dossier; a status word in {@code TrangThaiHoSo} / {@code TrangThai} becomes its number as a
 * string through {@code trang-thai-ho-so} ({@code "processing"} -> {@code "4"}); a progress item without
 * {@code MaHoSo} gets the dossier of the URL it was posted to (first).
 */
@Component("portalRelay")
public class PortalRelay {

    /** The portal's services, as mappings/portal/*.jsonata name them too. */
    static final String SYNC_DOSSIER = "DongBoHoSoMC";
    static final String SYNC_PROGRESS = "CapNhatTienDoHoSoMC";
    static final String STATUS_TABLE = "trang-thai-ho-so";
    static final String UNIT_TABLE = "ma-don-vi";
    static final String UNIT_PROPERTY = "MaDonVi";
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final ObjectMapper json;
    private final ObjectReader reader;
    private final Mappings mappings;

    public PortalRelay(ObjectMapper json, Mappings mappings) {
        this.json = json;
        // decimals as sent: 150000.50 stays 150000.50
        this.reader = json.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        this.mappings = mappings;
    }

    /** DongBoHoSoMC around the dossier as sent (the gateway adds session and isUpdating). */
    public void dossier(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        ObjectNode dossier = (ObjectNode) read(in);
        dossier.remove(UNIT_PROPERTY); // the envelope's madonvi, not a field of the portal's dossier
        mapStatusWord(dossier, "TrangThaiHoSo");
        ObjectNode envelope = envelope(in, SYNC_DOSSIER);
        envelope.putArray("data").add(dossier);
        in.setBody(envelope);
    }

    /** CapNhatTienDoHoSoMC around the progress items as sent, in order. */
    public void progress(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        String maHoSo = in.getHeader(Header.MA_HO_SO, String.class);
        ObjectNode envelope = envelope(in, SYNC_PROGRESS);
        ArrayNode data = envelope.putArray("data");
        for (JsonNode sent : read(in)) {
            ObjectNode item = (ObjectNode) sent;
            if (!item.has("MaHoSo")) {
                ObjectNode withCode = json.createObjectNode().put("MaHoSo", maHoSo);
                withCode.setAll(item);
                item = withCode;
            }
            mapStatusWord(item, "TrangThai");
            data.add(item);
        }
        in.setBody(envelope);
    }

    private ObjectNode envelope(Message in, String service) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("madonvi", mappings.code(UNIT_TABLE, in.getHeader(Header.UNIT_CODE, String.class)));
        envelope.put("service", service);
        return envelope;
    }

    private void mapStatusWord(ObjectNode item, String field) {
        JsonNode status = item.get(field);
        if (status != null && status.isTextual() && !DIGITS.matcher(status.textValue()).matches()) {
            item.put(field, mappings.code(STATUS_TABLE, status.textValue()));
        }
    }

    private JsonNode read(Message in) throws IOException {
        Object body = in.getBody();
        return body instanceof byte[] bytes ? reader.readTree(bytes) : reader.readTree(in.getBody(String.class));
    }
}
