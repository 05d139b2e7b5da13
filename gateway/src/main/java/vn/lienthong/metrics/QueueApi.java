package vn.lienthong.metrics;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.broker.BrokerManagement.QueueCounts;

/**
 * {@code GET /api/v1/queues} for operators: every queue of the gateway with its depth, the age of its oldest message
 * and its consumers, as the broker's management reads them ({@link BrokerQueues}, the same reads as the metrics).
 */
@Component("queueApi")
public class QueueApi {

    private final BrokerQueues queues;
    private final ObjectMapper json;

    public QueueApi(BrokerQueues queues, ObjectMapper json) {
        this.queues = queues;
        this.json = json;
    }

    /** Route step: the body becomes {@code {"queues": [{"name","depth","oldestMessageAgeSeconds","consumers"}]}}. */
    public void list(Exchange exchange) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("queues");
        for (QueueCounts queue : queues.read()) {
            ObjectNode item = list.addObject().put("name", queue.name()).put("depth", queue.depth());
            if (queue.oldestAgeMillis() == null) {
                item.putNull("oldestMessageAgeSeconds");
            } else {
                item.put("oldestMessageAgeSeconds", queue.oldestAgeMillis() / 1000.0);
            }
            item.put("consumers", queue.consumers());
        }
        exchange.getIn().setBody(body);
    }
}
