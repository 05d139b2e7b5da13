package vn.lienthong.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultMessage;
import org.springframework.stereotype.Component;

import vn.lienthong.message.ExchangeNames.Property;

/**
 * The message as it was queued: the first step of a delivery route keeps it ({@link #keep}) and goes on with a plain
 * copy of it, detached from the JMS session; the error handling puts its body back ({@link #restore}) before setting
 * the message aside or dead-lettering it, ready to be sent again or replayed.
 *
 * <p>Why a plain copy: with retries configured, Camel copies the exchange before every step (to retry a step from its
 * own start), and in camel-jms 4.17 each copy of a JMS message throws and swallows a NullPointerException (its
 * redelivery flag is read from a JMS message that the copy does not have): with a deep stack, that was a tenth of the
 * delivery consumers' time in the benchmark. Why not {@code useOriginalMessage}: it makes Camel copy the first message
 * of every exchange of every route, HTTP requests included.
 */
@Component("queuedMessage")
public class QueuedMessage {

    public void keep(Exchange exchange) {
        DefaultMessage plain = new DefaultMessage(exchange);
        plain.copyFrom(exchange.getIn());
        exchange.setIn(plain);
        exchange.setProperty(Property.QUEUED_BODY, plain.getBody());
    }

    /**
     * The body as queued, in place of whatever the delivery's steps made of it (e.g. the portal's envelope). A document
     * was not kept (its body is a spool file, {@code LienthongDocumentFile}, which no step changes): nothing to do.
     */
    public void restore(Exchange exchange) {
        Object queued = exchange.getProperty(Property.QUEUED_BODY);
        if (queued != null) {
            exchange.getIn().setBody(queued);
        }
    }
}
