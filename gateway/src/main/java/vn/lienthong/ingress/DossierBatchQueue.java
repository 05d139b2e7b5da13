package vn.lienthong.ingress;

import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts the dossiers of an array on the delivery queue in one broker transaction: all of them are stored, in order,
 * or none is (a client answered 503 finds none of them delivered later). One message each, with the same headers the
 * {@code jms:} endpoint gives a single dossier.
 */
@Component("dossierBatchQueue")
public class DossierBatchQueue {

    private final JmsTemplate jms;
    private final String queue;

    public DossierBatchQueue(ConnectionFactory connectionFactory,
                             @Value("${lienthong.queues.dossier-to-portal}") String queue) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.queue = queue;
    }

    public void send(Exchange exchange) {
        jms.execute(session -> {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            try {
                for (Acceptance.Item item : Acceptance.items(exchange)) {
                    if (!item.registration().queued()) {
                        producer.send(message(session, item));
                    }
                }
                session.commit();
            } finally {
                producer.close();
            }
            return null;
        }, true);
    }

    private static TextMessage message(Session session, Acceptance.Item item) throws JMSException {
        TextMessage message = session.createTextMessage(item.body());
        for (Map.Entry<String, Object> header : item.headers().entrySet()) {
            if (header.getValue() instanceof Long number) {
                message.setLongProperty(header.getKey(), number);
            } else {
                message.setStringProperty(header.getKey(), String.valueOf(header.getValue()));
            }
        }
        return message;
    }
}
