package vn.lienthong.simulator.axis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.lienthong.simulator.axis.AxisSimulatorProperties.Agency;
import vn.lienthong.simulator.axis.AxisSimulatorProperties.ConnectedSystem;

/** Who may call the axis (systems and their credentials) and which agencies it knows. */
public class AxisDirectory {

    private final Map<String, ConnectedSystem> systems = new LinkedHashMap<>();
    private final Map<String, Agency> agencies = new LinkedHashMap<>();

    public AxisDirectory(AxisSimulatorProperties properties) {
        properties.systems().forEach(system -> systems.put(system.systemId(), system));
        properties.agencies().forEach(agency -> agencies.put(agency.organId(), agency));
    }

    /**
     * The system these credentials belong to.
     *
     * @throws AxisRefusal 401 when missing or wrong
     */
    public ConnectedSystem authenticate(String systemId, String secret) {
        ConnectedSystem system = systemId == null ? null : systems.get(systemId);
        // compared even for an unknown system, so the answer time does not tell which systems exist
        String expected = system == null ? "\u0000unknown" : system.secret();
        boolean secretMatches = MessageDigest.isEqual(bytes(expected), bytes(secret == null ? "" : secret));
        if (system == null || !secretMatches) {
            throw AxisRefusal.unauthorized();
        }
        return system;
    }

    public Optional<ConnectedSystem> system(String systemId) {
        return Optional.ofNullable(systems.get(systemId));
    }

    public Optional<Agency> agency(String organId) {
        return Optional.ofNullable(organId == null ? null : agencies.get(organId));
    }

    public List<Agency> agencies() {
        return List.copyOf(agencies.values());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
