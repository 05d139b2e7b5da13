package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.errorhandler.NoErrorHandlerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The route dumps the console draws its diagrams from ({@code dumpRoutesAsXml}, as Hawtio calls it over Jolokia).
 * Hawtio 5.2 links a route's first element to its {@code from}; an element before it (a route's own
 * {@code errorHandler}) is linked to a node named "", which breaks the layout of that diagram and of every diagram
 * after it ("Cannot read properties of undefined (reading 'weight')"). So no route has an error handler of its own:
 * the shared steps take theirs from the {@code caller-errors} route configuration.
 */
class ConsoleRouteDumpTest extends SecuredGatewayTest {

    private static final Pattern ROUTE = Pattern.compile("<route id=\"([^\"]+)\"[^>]*>\\s*<(\\w+)");

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteInTheConsolesDumpStartsWithItsFrom() {
        ConsoleCalls console = new ConsoleCalls(port);
        String context = console.search(basic("demo-admin"), "org.apache.camel:type=context,*").get(0);
        String xml = console.exec(basic("demo-viewer"), context, "dumpRoutesAsXml()").get("value").asText();

        Matcher routes = ROUTE.matcher(xml);
        int count = 0;
        while (routes.find()) {
            count++;
            assertThat(routes.group(2)).as("first element of route %s", routes.group(1)).isEqualTo("from");
        }
        assertThat(count).isEqualTo(camel.getRoutes().size()).isGreaterThan(30);
    }

    @Test
    void theSharedPortalStepsLeaveTheirFailuresToTheCaller() {
        for (String route : List.of("portal-send", "portal-dossier-envelope", "portal-progress-envelope")) {
            assertThat(((ModelCamelContext) camel).getRouteDefinition(route).getErrorHandlerFactory()).as(route)
                    .isInstanceOf(NoErrorHandlerDefinition.class);
        }
    }
}
