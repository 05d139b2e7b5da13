package vn.lienthong.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

import io.micrometer.common.KeyValue;

/**
 * Gives API requests their REST template in {@code http_server_requests{uri}} (e.g. {@code
 * /api/v1/tracking/{trackingId}}): Spring MVC tags Camel's servlet requests {@code UNKNOWN}, as it never matched them
 * itself. The templates come from the REST DSL (routes/api.yaml); a path none matches is {@code /api/**}.
 */
@Component
public class ApiUriTags extends DefaultServerRequestObservationConvention {

    private static final String API_PREFIX = "/api";

    private final CamelContext camel;
    private volatile List<Template> templates;

    public ApiUriTags(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        String path = context.getCarrier().getRequestURI();
        if (context.getPathPattern() != null || path == null || !path.startsWith(API_PREFIX + "/")) {
            return super.uri(context);
        }
        String method = context.getCarrier().getMethod();
        for (Template template : templates()) {
            if (template.method().equalsIgnoreCase(method) && template.pattern().matcher(path).matches()) {
                return KeyValue.of("uri", template.uri());
            }
        }
        return KeyValue.of("uri", API_PREFIX + "/**");
    }

    private List<Template> templates() {
        List<Template> known = templates;
        if (known == null) {
            known = new ArrayList<>();
            for (RestDefinition rest : camel.getCamelContextExtension().getContextPlugin(Model.class)
                    .getRestDefinitions()) {
                for (VerbDefinition verb : rest.getVerbs()) {
                    String uri = API_PREFIX + join(rest.getPath(), verb.getPath());
                    String regex = Pattern.quote(uri).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                    known.add(new Template(verb.asVerb(), uri, Pattern.compile(regex)));
                }
            }
            templates = known;
        }
        return known;
    }

    static String join(String base, String path) {
        String b = base == null ? "" : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String p = path == null || path.isEmpty() ? "" : path.startsWith("/") ? path : "/" + path;
        return (b.startsWith("/") || b.isEmpty() ? b : "/" + b) + p;
    }

    private record Template(String method, String uri, Pattern pattern) {
    }
}
