package vn.lienthong.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;

/**
 * Whether the gateway (or the route delivering the exchange) is stopping: a message being delivered then goes back to
 * the broker (rollback) or stays held, instead of being dead-lettered or set aside, and is delivered after the restart.
 */
public final class DeliveryStopping {

    private DeliveryStopping() {
    }

    public static boolean isStopping(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        ServiceStatus route = routeId == null ? null : exchange.getContext().getRouteController().getRouteStatus(routeId);
        return exchange.getContext().isStopping() || (route != null && (route.isStopping() || route.isStopped()));
    }

    /** Thrown instead of dead-lettering or setting aside while the gateway stops, so that the broker keeps the message. */
    public static class DeliveryInterruptedException extends RuntimeException {
        public DeliveryInterruptedException() {
            super("the gateway is stopping: the message stays in the broker");
        }
    }
}
