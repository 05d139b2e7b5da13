package vn.lienthong.document;

import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.axis.AxisMessageKind;
import vn.lienthong.axis.AxisTransport;
import vn.lienthong.delivery.DeliveryStopping;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.delivery.DestinationCircuit;
import vn.lienthong.delivery.DestinationCircuits;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;

/** Sends an accepted document or status over the axis and records the axis's DocID; a refusal is final. */
@Component("axisDelivery")
public class AxisDelivery {

    private final AxisTransport axis;
    private final DocumentTrail trail;
    private final DestinationCircuit circuit;

    public AxisDelivery(AxisTransport axisTransport, DocumentTrail trail,
                        DestinationCircuits circuits) {
        this.circuit = circuits.of("axis");
        this.axis = axisTransport;
        this.trail = trail;
    }

    public void send(Exchange exchange) {
        Path edxml = exchange.getIn().getBody(Path.class);
        AxisMessageKind kind = AxisMessageKind.fromWire(exchange.getIn().getHeader(Header.AXIS_KIND,
                String.class));
        String docId = circuit.call(exchange.getIn().getHeader(Header.DOCUMENT_ID, String.class),
                () -> DeliveryStopping.isStopping(exchange), () -> axis.send(edxml, kind));
        trail.axisDocId(DeliveryTrail.trackingId(exchange), docId);
        exchange.setProperty(Property.DETAIL, "the document axis took it as " + docId);
    }
}
