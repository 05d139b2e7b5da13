package vn.lienthong.document.soap;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;

import jakarta.activation.DataHandler;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Answers MTOM (multipart/related) only when the request was MTOM or the answer carries a binary: a client that sent
 * plain {@code text/xml} gets plain SOAP back, which every SOAP stack reads. CXF answers MTOM whenever the endpoint
 * has it on otherwise. Added to the out and out-fault chains of an endpoint published with MTOM enabled.
 */
public final class MtomOnlyWhenAsked extends AbstractPhaseInterceptor<Message> {

    public MtomOnlyWhenAsked() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        message.put(Message.MTOM_ENABLED, requestWasMtom(message) || carriesBinary(message));
    }

    private static boolean requestWasMtom(Message message) {
        Message in = message.getExchange().getInMessage();
        Object contentType = in == null ? null : in.get(Message.CONTENT_TYPE);
        return contentType != null && contentType.toString().toLowerCase(Locale.ROOT).startsWith("multipart/related");
    }

    /** A response object (the generated JAXB bean) with a non-null DataHandler or byte[] field. */
    private static boolean carriesBinary(Message message) {
        List<?> contents = message.getContent(List.class);
        if (contents == null) {
            return false;
        }
        for (Object response : contents) {
            if (response == null) {
                continue;
            }
            for (Field field : response.getClass().getDeclaredFields()) {
                if (field.getType() == DataHandler.class || field.getType() == byte[].class) {
                    try {
                        field.setAccessible(true);
                        if (field.get(response) != null) {
                            return true;
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return true; // cannot tell: keep MTOM, which a binary needs
                    }
                }
            }
        }
        return false;
    }
}
