package vn.lienthong.national;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.mapping.Mappings;
import vn.lienthong.mapping.MappingsProperties;

/**
 * Routing by competence with the code tables first: the receiving unit's code closed in the 2025 reorganisation is
 * its successor's (mappings/code-tables/ma-don-vi.json), then the routing table picks the one-stop system by the
 * procedure and the units (the receiving one, then the one processing it). Read at start-up: a table naming an
 * unknown destination stops the gateway with every problem.
 */
@Component
public class NationalRouting {

    private static final String UNIT_TABLE = "ma-don-vi";

    private final RoutingTable table;
    private final Mappings mappings;

    public NationalRouting(NationalProperties properties, MappingsProperties mappingsProperties, Mappings mappings) {
        this.table = RoutingTable.read(mappingsProperties.directory().resolve(properties.routingTable()),
                properties.destinations().keySet());
        this.mappings = mappings;
    }

    /** Where a dossier goes, the unit it goes for (after the code tables), and what the trail notes about it. */
    public record Routed(String destination, String rule, String unit, String note) {
    }

    /**
     * @throws NationalQuarantinedException when no rule routes it (the reason names what was tried)
     */
    public Routed route(JsonNode dossier) {
        String maTTHC = NationalPortal.text(dossier, "MaTTHC");
        String sent = NationalPortal.text(dossier, "MaDonVi");
        String unit = sent == null ? null : mappings.code(UNIT_TABLE, sent);
        String processing = NationalPortal.text(dossier, "DonViXuLy");
        String successorOfProcessing = processing == null ? null : mappings.code(UNIT_TABLE, processing);
        List<String> units = new ArrayList<>();
        if (unit != null) {
            units.add(unit);
        }
        if (successorOfProcessing != null) {
            units.add(successorOfProcessing);
        }
        RoutingTable.Route route = table.route(maTTHC, units).orElseThrow(() -> new NationalQuarantinedException(
                "no rule of the routing table (mappings/national/routing.yaml) routes MaTTHC " + maTTHC
                        + " for MaDonVi " + sent + (unit != null && !unit.equals(sent) ? " (its successor " + unit + ")" : "")
                        + (processing == null ? "" : " or DonViXuLy " + processing)));
        String note = unit != null && !unit.equals(sent)
                ? "MaDonVi " + sent + " was closed in the 2025 reorganisation: routed as its successor " + unit : null;
        String forUnit = route.destination() != null && unit != null ? unit : successorOfProcessing;
        return new Routed(route.destination(), route.rule(), forUnit == null ? "" : forUnit, note);
    }

    public RoutingTable table() {
        return table;
    }
}
