package vn.lienthong.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

import vn.lienthong.broker.BrokerManagement.QueueCounts;

/**
 * The gateway's queues in the Hawtio console (JMX tab, {@code lienthong > Queues}): one read-only attribute per queue,
 * named by the queue, with its depth, the age of its oldest message in seconds (null when empty) and its consumers.
 * The same reads as {@code GET /api/v1/queues} and the {@code lienthong_queue_*} metrics ({@link BrokerQueues}), so
 * every queue is listed from the start, the dead-letter queues too; depth -1 when the broker does not answer.
 * Hawtio 5.2 has no Artemis tab: this is where an operator on duty looks. Attributes only: a viewer reads them.
 */
@Component
@ManagedResource(objectName = QueueConsole.OBJECT_NAME)
public class QueueConsole implements DynamicMBean {

    public static final String OBJECT_NAME = "lienthong:type=Queues";

    static final CompositeType QUEUE;

    static {
        try {
            QUEUE = new CompositeType("Queue", "One queue of the gateway, as the broker's management reads it",
                    new String[] {"depth", "oldestMessageAgeSeconds", "consumers"},
                    new String[] {"messages in the queue (-1: the broker did not answer)",
                            "age of the oldest message in seconds (null when the queue is empty)",
                            "consumers attached to the queue"},
                    new OpenType<?>[] {SimpleType.LONG, SimpleType.DOUBLE, SimpleType.INTEGER});
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private final BrokerQueues queues;

    public QueueConsole(BrokerQueues queues) {
        this.queues = queues;
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException {
        if (!queues.names().contains(name)) {
            throw new AttributeNotFoundException("no queue " + name);
        }
        return composite(queues.read(name));
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        AttributeList list = new AttributeList();
        for (String name : names) {
            if (queues.names().contains(name)) {
                list.add(new Attribute(name, composite(queues.read(name))));
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) {
        throw new UnsupportedOperationException("the queues are read-only here");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("no operations: the queues are read-only here");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        List<MBeanAttributeInfo> attributes = new ArrayList<>();
        for (String name : queues.names()) {
            attributes.add(new OpenMBeanAttributeInfoSupport(name,
                    "queue " + name + ": depth, oldest message age (s), consumers", QUEUE, true, false, false));
        }
        return new MBeanInfo(getClass().getName(),
                "The gateway's queues: depth, oldest message age and consumers of each (GET /api/v1/queues)",
                attributes.toArray(MBeanAttributeInfo[]::new), null, new MBeanOperationInfo[0], null);
    }

    static CompositeData composite(QueueCounts queue) {
        Map<String, Object> values = new HashMap<>();
        values.put("depth", queue.depth());
        values.put("oldestMessageAgeSeconds",
                queue.oldestAgeMillis() == null ? null : queue.oldestAgeMillis() / 1000.0);
        values.put("consumers", queue.consumers());
        try {
            return new CompositeDataSupport(QUEUE, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
