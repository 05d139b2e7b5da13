package vn.lienthong.national;

import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;

/**
 * The return path of a dossier that came down from the national portal: the one-stop's processing goes back up as
 * any dossier's does (DongBoHoSoMC, routes/dossier-delivery.yaml), and for the procedures of
 * {@code lienthong.national.status-procedures} also to the portal's status service (DongBoTrangThaiHoSo: the dossier's
 * TrangThaiHoSo with the one-stop's own id, MaHoSoDonVi), right after the portal accepted the sync. Nothing is asked of
 * the other dossiers (none listed: not a query per message).
 */
@Component("nationalStatus")
public class NationalStatus {

    private final NationalProperties properties;
    private final NationalDossiers dossiers;
    private final NationalPortal portal;
    private final ObjectMapper json;

    public NationalStatus(NationalProperties properties, NationalDossiers dossiers, NationalPortal portal,
                          ObjectMapper json) {
        this.properties = properties;
        this.dossiers = dossiers;
        this.portal = portal;
        this.json = json;
    }

    /** Route step after DongBoHoSoMC succeeded (the body is its envelope). */
    public void afterSync(Exchange exchange) {
        List<String> procedures = properties.statusProcedures();
        if (procedures.isEmpty()) {
            return;
        }
        String maHoSo = exchange.getIn().getHeader(Header.MA_HO_SO, String.class);
        NationalDossiers.Delivered delivered = dossiers.find(maHoSo).orElse(null);
        if (delivered == null || !RoutingTable.Rule.procedureMatches(procedures, delivered.maTTHC())) {
            return;
        }
        JsonNode envelope = json.valueToTree(exchange.getIn().getBody());
        JsonNode dossier = envelope.path("data").isArray() ? envelope.path("data").get(0) : envelope;
        String trangThai = NationalPortal.text(dossier, "TrangThaiHoSo");
        if (trangThai == null) {
            return;
        }
        String provinceId = delivered.maHoSoDonVi() != null ? delivered.maHoSoDonVi() : maHoSo;
        portal.status(maHoSo, trangThai, provinceId, NationalPortal.text(dossier, "GhiChu"));
        Object detail = exchange.getProperty(Property.DETAIL);
        exchange.setProperty(Property.DETAIL, (detail == null ? "" : detail + "; ")
                + "TrangThaiHoSo " + trangThai + " also sent to the portal's status service as " + provinceId);
    }
}
