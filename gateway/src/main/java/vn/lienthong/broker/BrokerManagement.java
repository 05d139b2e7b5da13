package vn.lienthong.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.management.QueueControl;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what a queue holds, and how many, through the broker's management, never by browsing it (a browsing consumer can miss a
 * message the broker is handing over at that instant). The embedded broker is asked in process; an external broker
 * (prod) through Artemis management messages on {@code activemq.management}, over the gateway's own connection (its
 * user needs the {@code manage} permission).
 */
@Component
public class BrokerManagement {

    private static final Logger log = LoggerFactory.getLogger(BrokerManagement.class);

    private static final TypeReference<List<Map<String, Object>>> MESSAGES = new TypeReference<>() {
    };

    /** Artemis's answer about a resource it does not have ("AMQ229067: Cannot find resource with name ..."). */
    private static final String NO_SUCH_RESOURCE = "AMQ229067";

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final ObjectProvider<ConnectionFactory> connections;
    private final ObjectMapper json;

    public BrokerManagement(ObjectProvider<EmbeddedActiveMQ> embedded, ObjectProvider<ConnectionFactory> connections,
                            ObjectMapper json) {
        this.embedded = embedded;
        this.connections = connections;
        this.json = json;
    }

    /**
     * The messages of {@code queue} matching the JMS selector {@code filter} (null or empty: all), in queue order, each
     * as the broker describes it: its properties by name (the gateway's {@code Lienthong*} headers, the broker's
     * {@code _AMQ_ORIG_QUEUE} on a message it dead-lettered itself) and {@code messageID}, {@code timestamp}, ....
     *
     * A queue the broker does not have (yet: an external broker creates a dead-letter queue with its first message)
     * holds nothing.
     *
     * @throws BrokerUnavailableException when the broker's management does not answer
     */
    public List<Map<String, Object>> messages(String queue, String filter) {
        String answer;
        try {
            answer = listMessagesAsJson(queue, filter == null ? "" : filter);
        } catch (BrokerUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new BrokerUnavailableException("the broker's management did not list " + queue + ": " + e, e);
        }
        try {
            List<Map<String, Object>> messages = json.readValue(answer, MESSAGES);
            List<Map<String, Object>> ordered = new ArrayList<>(messages.size());
            messages.forEach(m -> ordered.add(new LinkedHashMap<>(m)));
            return ordered;
        } catch (Exception e) {
            throw new BrokerUnavailableException("the broker's listing of " + queue + " is not JSON: " + e, e);
        }
    }

    private String listMessagesAsJson(String queue, String filter) throws Exception {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        if (broker != null && broker.getActiveMQServer() != null) {
            Object resource = broker.getActiveMQServer().getManagementService().getResource(ResourceNames.QUEUE + queue);
            if (!(resource instanceof QueueControl control)) {
                return "[]";
            }
            return control.listMessagesAsJSON(filter);
        }
        ConnectionFactory factory = connections.getIfAvailable();
        if (factory == null) {
            throw new BrokerUnavailableException("no connection to the broker", null);
        }
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueRequestor requestor = requestor(connection, session);
            Message request = session.createMessage();
            JMSManagementHelper.putOperationInvocation(request, ResourceNames.QUEUE + queue, "listMessagesAsJSON",
                    filter);
            Message reply = requestor.request(request);
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                if (String.valueOf(JMSManagementHelper.getResult(reply)).contains(NO_SUCH_RESOURCE)) {
                    return "[]";
                }
                throw new BrokerUnavailableException("the broker refused to list " + queue + ": "
                        + JMSManagementHelper.getResult(reply), null);
            }
            return (String) JMSManagementHelper.getResult(reply, String.class);
        }
    }

    /**
     * Each queue's depth, the age of its oldest message and its consumers, in the order asked; when the broker cannot
     * tell (a queue it does not have, or its management does not answer), the queue's depth is -1.
     */
    public List<QueueCounts> counts(List<String> queues) {
        List<QueueCounts> counts = new ArrayList<>(queues.size());
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        if (broker != null && broker.getActiveMQServer() != null) {
            for (String name : queues) {
                Object resource = broker.getActiveMQServer().getManagementService()
                        .getResource(ResourceNames.QUEUE + name);
                counts.add(resource instanceof QueueControl queue ? counts(name, queue) : QueueCounts.unknown(name));
            }
            return counts;
        }
        ConnectionFactory factory = connections.getIfAvailable();
        if (factory == null) {
            queues.forEach(name -> counts.add(QueueCounts.unknown(name)));
            return counts;
        }
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueRequestor requestor = requestor(connection, session);
            for (String name : queues) {
                long depth = ((Number) attribute(session, requestor, name, "messageCount")).longValue();
                Object age = attribute(session, requestor, name, "firstMessageAge");
                int consumers = ((Number) attribute(session, requestor, name, "consumerCount")).intValue();
                counts.add(new QueueCounts(name, depth, age instanceof Number n ? n.longValue() : null, consumers));
            }
        } catch (Exception e) {
            log.debug("the broker's management did not answer: {}", e.toString());
            counts.clear();
            queues.forEach(name -> counts.add(QueueCounts.unknown(name)));
        }
        return counts;
    }

    /** One queue as the broker counts it: its depth, the age of its oldest message in ms (null when empty), its consumers. */
    public record QueueCounts(String name, long depth, Long oldestAgeMillis, int consumers) {
        public static QueueCounts unknown(String name) {
            return new QueueCounts(name, -1, null, 0);
        }
    }

    private static QueueCounts counts(String name, QueueControl queue) {
        Long age;
        try {
            age = queue.getFirstMessageAge();
        } catch (Exception e) {
            age = null;
        }
        return new QueueCounts(name, queue.getMessageCount(), age, queue.getConsumerCount());
    }

    private static QueueRequestor requestor(Connection connection, Session session) throws Exception {
        QueueRequestor requestor = new QueueRequestor((QueueSession) session,
                ActiveMQJMSClient.createQueue("activemq.management"));
        connection.start();
        return requestor;
    }

    private static Object attribute(Session session, QueueRequestor requestor, String queue, String attribute)
            throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        return JMSManagementHelper.getResult(requestor.request(request));
    }

    /** The broker's management cannot be asked now (the caller answers 503: try again). */
    public static class BrokerUnavailableException extends RuntimeException {
        public BrokerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
