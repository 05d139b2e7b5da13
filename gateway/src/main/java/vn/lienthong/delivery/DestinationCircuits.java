package vn.lienthong.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The circuit of each destination the gateway delivers to ({@link DestinationCircuit}), by its name: {@code portal},
 * {@code axis}, {@code eoffice}, {@code motcua} (the province's one-stop systems). A destination's adapter asks its circuit before each call and tells it the outcome; the
 * held messages' retrier skips a destination whose circuit is open; health and metrics show each one.
 */
@Component
public class DestinationCircuits {

    /** The destinations with a circuit (a new flow's destination is added here). */
    public static final List<String> DESTINATIONS = List.of("portal", "axis", "eoffice", "motcua");

    private final Map<String, DestinationCircuit> circuits;

    public DestinationCircuits(DeliveryProperties delivery) {
        this.circuits = DESTINATIONS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                destination -> new DestinationCircuit(destination, delivery)));
    }

    public DestinationCircuit of(String destination) {
        DestinationCircuit circuit = circuits.get(destination);
        if (circuit == null) {
            throw new IllegalArgumentException("no destination " + destination + " (known: " + DESTINATIONS + ")");
        }
        return circuit;
    }

    public Collection<DestinationCircuit> all() {
        return circuits.values();
    }
}
