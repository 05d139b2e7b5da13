package vn.lienthong.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.lienthong.delivery.DestinationCircuit;
import vn.lienthong.delivery.DestinationCircuits;

/**
 * Each destination as a health component ({@code portal}, {@code axis}, {@code eoffice}, {@code motcua}) with its circuit and last
 * error, in the {@code destinations} health group (application.yaml). They are kept out of {@code /actuator/health}
 * itself (and liveness and readiness have their own groups): a store-and-forward gateway keeps accepting while a
 * destination is down, so a down portal must not get it restarted or taken out of a load balancer.
 */
@Configuration(proxyBeanMethods = false)
public class DestinationHealth {

    /** The health components' names (bean name less "HealthIndicator"): the destinations' tags. */
    static final Set<String> COMPONENTS = Set.of(Destination.PORTAL.tag(), Destination.AXIS.tag(),
            Destination.EOFFICE.tag(), Destination.MOTCUA.tag());

    private static final String CIRCUIT_RULE =
            "open after calls failed for lienthong.delivery.outage-dossiers different messages in a row";

    @Bean
    HealthIndicator portalHealthIndicator(DestinationCalls calls, DestinationCircuits circuits, MeterRegistry registry) {
        return indicator(Destination.PORTAL, calls, circuits, registry);
    }

    @Bean
    HealthIndicator axisHealthIndicator(DestinationCalls calls, DestinationCircuits circuits, MeterRegistry registry) {
        return indicator(Destination.AXIS, calls, circuits, registry);
    }

    @Bean
    HealthIndicator eofficeHealthIndicator(DestinationCalls calls, DestinationCircuits circuits,
                                           MeterRegistry registry) {
        return indicator(Destination.EOFFICE, calls, circuits, registry);
    }

    @Bean
    HealthIndicator motcuaHealthIndicator(DestinationCalls calls, DestinationCircuits circuits,
                                          MeterRegistry registry) {
        return indicator(Destination.MOTCUA, calls, circuits, registry);
    }

    private static HealthIndicator indicator(Destination destination, DestinationCalls calls,
                                             DestinationCircuits circuits, MeterRegistry registry) {
        DestinationCircuit circuit = circuits.of(destination.tag());
        Gauge.builder("lienthong.destination.circuit.open", circuit, c -> c.isOpen() ? 1 : 0)
                .description("1 while deliveries pause for an outage of the destination (its circuit is open)")
                .tag("destination", destination.tag())
                .register(registry);
        return () -> health(calls.state(destination), circuit::isOpen, CIRCUIT_RULE);
    }

    @Bean
    HealthEndpointGroupsPostProcessor destinationsOutOfPrimaryHealth() {
        return groups -> HealthEndpointGroups.of(withoutDestinations(groups.getPrimary()), namedGroups(groups));
    }

    /** DOWN while the circuit is open or the last call failed; UNKNOWN before the first call. */
    private static Health health(DestinationCalls.LastCall last, BooleanSupplier circuitOpen, String circuitRule) {
        boolean open = circuitOpen.getAsBoolean();
        Status status = open || Boolean.FALSE.equals(last.up()) ? Status.DOWN
                : last.up() == null ? Status.UNKNOWN : Status.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("circuit", open ? "open" : "closed");
        if (circuitRule != null) {
            details.put("circuitRule", circuitRule);
        }
        details.put("lastAnswerAt", last.at() == null ? "never" : last.at().toString());
        if (last.lastError() != null) {
            details.put("lastError", last.lastError());
            details.put("lastErrorAt", last.lastErrorAt().toString());
        }
        return Health.status(status).withDetails(details).build();
    }

    private static Map<String, HealthEndpointGroup> namedGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
        groups.getNames().forEach(name -> named.put(name, groups.get(name)));
        return named;
    }

    private static HealthEndpointGroup withoutDestinations(HealthEndpointGroup primary) {
        return new HealthEndpointGroup() {
            @Override
            public boolean isMember(String name) {
                return !COMPONENTS.contains(name) && primary.isMember(name);
            }

            @Override
            public boolean showComponents(org.springframework.boot.actuate.endpoint.SecurityContext context) {
                return primary.showComponents(context);
            }

            @Override
            public boolean showDetails(org.springframework.boot.actuate.endpoint.SecurityContext context) {
                return primary.showDetails(context);
            }

            @Override
            public org.springframework.boot.actuate.health.StatusAggregator getStatusAggregator() {
                return primary.getStatusAggregator();
            }

            @Override
            public org.springframework.boot.actuate.health.HttpCodeStatusMapper getHttpCodeStatusMapper() {
                return primary.getHttpCodeStatusMapper();
            }

            @Override
            public org.springframework.boot.actuate.health.AdditionalHealthEndpointPath getAdditionalPath() {
                return primary.getAdditionalPath();
            }
        };
    }
}
