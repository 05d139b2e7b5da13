package vn.lienthong.metrics;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;

/**
 * Puts the tracking id and the MaHoSo or DocumentId of the message a route works on into the logging MDC, so that
 * every log line about it names it (console pattern and JSON logs): on every route the exchange enters (a delivery
 * consumer knows them from the message's headers at once, the ingress once the message is registered, see
 * {@link #put(Exchange)}), removed when the exchange is done. Camel applies the factory to every route.
 */
@Component
public class MessageMdc implements RoutePolicyFactory {

    public static final String TRACKING_ID = "trackingId";
    public static final String MA_HO_SO = "maHoSo";
    public static final String DOCUMENT_ID = "documentId";

    private final RoutePolicy policy = new RoutePolicySupport() {
        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            put(exchange);
        }
    };

    @Override
    public RoutePolicy createRoutePolicy(org.apache.camel.CamelContext camelContext, String routeId, NamedNode route) {
        return policy;
    }

    /** The exchange's message ids into the MDC of this thread, until the exchange is done. */
    public static void put(Exchange exchange) {
        Message in = exchange.getIn();
        String trackingId = in.getHeader(Header.TRACKING_ID, String.class);
        if (trackingId == null) {
            return;
        }
        put(trackingId, in.getHeader(Header.MA_HO_SO, String.class),
                in.getHeader(Header.DOCUMENT_ID, String.class));
        if (exchange.getProperty(Property.MDC_CLEARED_AT_END) == null) {
            exchange.setProperty(Property.MDC_CLEARED_AT_END, true);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    clear();
                }
            });
        }
    }

    /** For code outside routes (the axis poller): clear it with {@link #clear()} in a finally block. */
    public static void put(String trackingId, String maHoSo, String documentId) {
        putOrRemove(TRACKING_ID, trackingId);
        putOrRemove(MA_HO_SO, maHoSo);
        putOrRemove(DOCUMENT_ID, documentId);
    }

    public static void clear() {
        MDC.remove(TRACKING_ID);
        MDC.remove(MA_HO_SO);
        MDC.remove(DOCUMENT_ID);
    }

    private static void putOrRemove(String key, String value) {
        if (value == null || value.isEmpty()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
