package vn.lienthong.simulator.axis;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.axis.AxisMailboxes.Delivery;
import vn.lienthong.simulator.axis.AxisMailboxes.MailItem;
import vn.lienthong.simulator.axis.AxisMailboxes.Tracked;
import vn.lienthong.simulator.axis.AxisSimulatorProperties.Agency;

/** How mailbox contents look in JSON: the protocol's short items and the admin endpoints' full records. */
final class AxisViews {

    private AxisViews() {
    }

    /** getReceivedEdocList / getSentEdocList item. */
    static ObjectNode listItem(MailItem item) {
        AxisMessage m = item.message();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("DocID", m.docId());
        json.put("FromOrganId", m.fromOrganId());
        json.put("ToOrganId", item.delivery().organId());
        json.put("messagetype", m.type().wire());
        json.put("DocumentId", m.documentId());
        json.put("created", AxisTime.format(m.created()));
        return json;
    }

    /** getSentEdocList item: the list item plus where that recipient is with it. */
    static ObjectNode sentItem(MailItem item) {
        ObjectNode json = listItem(item);
        putAck(json, item.delivery());
        return json;
    }

    /** Admin record of a file in one agency's mailbox. */
    static ObjectNode mailRecord(MailItem item) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        item.message().writeTo(json);
        json.put("ToOrganId", item.delivery().organId());
        putAck(json, item.delivery());
        return json;
    }

    /**
     * Admin record of a file with every recipient: the mailbox record's fields, where {@code ack}, {@code ackReason}
     * and {@code ackAt} are those of every recipient when they agree, and {@code ack} is {@code mixed} (the others
     * null) when they do not; {@code deliveries} has each recipient's own.
     */
    static ObjectNode trackedRecord(Tracked tracked) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        tracked.message().writeTo(json);
        ArrayNode to = json.putArray("ToOrganIds");
        tracked.message().toOrganIds().forEach(to::add);
        List<Delivery> all = tracked.deliveries();
        Delivery first = all.get(0);
        if (all.stream().allMatch(d -> d.ack() == first.ack() && Objects.equals(d.reason(), first.reason()))) {
            putAck(json, first);
        } else {
            json.put("ack", "mixed");
            json.putNull("ackReason");
            json.putNull("ackAt");
        }
        ArrayNode deliveries = json.putArray("deliveries");
        for (Delivery delivery : tracked.deliveries()) {
            putAck(deliveries.addObject().put("OrganId", delivery.organId()), delivery);
        }
        return json;
    }

    static ObjectNode agency(Agency agency) {
        return JsonNodeFactory.instance.objectNode().put("OrganId", agency.organId())
                .put("OrganName", agency.organName()).put("Active", agency.isActive());
    }

    private static void putAck(ObjectNode json, Delivery delivery) {
        json.put("ack", delivery.ack().wire());
        json.put("ackReason", delivery.reason());
        json.put("ackAt", AxisTime.format(delivery.at()));
    }
}
