package vn.lienthong.mapping;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code mapping:} endpoint routes use to translate a message with a file from {@code mappings/}, e.g.
 * {@code to: mapping:portal/dossier-to-dvcqg.jsonata}. Compiled mappings are cached by {@link Mappings}.
 */
@Component("mapping")
public class MappingComponent extends DefaultComponent {

    private final Mappings mappings;
    private final ObjectMapper json;

    public MappingComponent(Mappings mappings, ObjectMapper json) {
        this.mappings = mappings;
        this.json = json;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MappingEndpoint endpoint = new MappingEndpoint(uri, this, remaining, mappings, json);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
