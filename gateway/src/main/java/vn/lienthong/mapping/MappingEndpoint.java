package vn.lienthong.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import vn.lienthong.message.ExchangeNames.Header;

/**
 * Applies one mapping file to the message body. The body may be JSON text, bytes, a Jackson tree or plain
 * maps/lists; the result is plain maps/lists. The message's dossier and unit are bound as {@code $maHoSo} and
 * {@code $maDonVi}. With {@code ?eachItem=true} a list body is mapped item by item into a list in the same order
 * (an array of dossiers goes through the mapping written for one dossier).
 */
class MappingEndpoint extends DefaultEndpoint {

    private final String mapping;
    private final Mappings mappings;
    private final ObjectMapper json;
    private boolean eachItem;

    MappingEndpoint(String uri, MappingComponent component, String mapping, Mappings mappings, ObjectMapper json) {
        super(uri, component);
        this.mapping = mapping;
        this.mappings = mappings;
        this.json = json;
    }

    @Override
    public Producer createProducer() {
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) throws Exception {
                Message in = exchange.getIn();
                Map<String, Object> variables = new HashMap<>();
                variables.put("maHoSo", in.getHeader(Header.MA_HO_SO, String.class));
                variables.put("maDonVi", in.getHeader(Header.UNIT_CODE, String.class));
                Object input = input(in.getBody());
                // a JSON object is Iterable too (over its values): only arrays and lists are lists of items
                if (eachItem && (input instanceof ArrayNode || input instanceof List) && input instanceof Iterable<?> items) {
                    List<Object> mapped = new ArrayList<>();
                    for (Object item : items) {
                        mapped.add(mappings.apply(mapping, item, variables));
                    }
                    in.setBody(mapped);
                } else {
                    in.setBody(mappings.apply(mapping, input, variables));
                }
            }
        };
    }

    private Object input(Object body) throws Exception {
        if (body instanceof String text) {
            return json.readTree(text);
        }
        if (body instanceof byte[] bytes) {
            return json.readTree(bytes);
        }
        if (body instanceof JsonNode || body instanceof Map || body instanceof Iterable) {
            return body;
        }
        throw new IllegalArgumentException("mapping " + mapping + " needs a JSON body, not "
                + (body == null ? "nothing" : body.getClass().getSimpleName()));
    }

    /** Endpoint option {@code eachItem}: map each item of a list body on its own. */
    public void setEachItem(boolean eachItem) {
        this.eachItem = eachItem;
    }

    public boolean isEachItem() {
        return eachItem;
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("mapping: endpoints only translate; they cannot be consumed from");
    }

    @Override
    public boolean isSingleton() {
        return true;
    }
}
