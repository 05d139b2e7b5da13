package vn.lienthong.security.console;

import java.util.Set;
import java.util.regex.Pattern;

import javax.management.ObjectName;

import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.lienthong.security.Roles;

/**
 * What the console (Jolokia) lets each role do, for the caller Spring Security authenticated on this request's thread.
 * <ul>
 *   <li>denied to every role: the JVM's diagnostic operations ({@code com.sun.management}: heap dump, VM flags,
 *   {@code jvmtiAgentLoad} and every other diagnostic command; Flight Recorder), Artemis operations that remove, move,
 *   send, retry, expire or change messages or delete queues and addresses, and Camel operations that send or request
 *   messages or load routes (a message or a route is code and data entering the gateway without its checks);</li>
 *   <li>{@code viewer}: reads attributes and lists MBeans; runs Camel's read-only {@code dump*} operations (the route
 *   diagrams) and Hawtio's own helpers;</li>
 *   <li>{@code operator}: also the gateway's operations ({@code lienthong:*}: dead letters), Camel's other operations
 *   (routes started, stopped, reset) and Artemis's remaining ones (browsing, counting), and writes Camel attributes;</li>
 *   <li>{@code admin}: everything not denied to every role.</li>
 * </ul>
 * The JSR-160 proxy is not even on the class path (pom.xml excludes {@code jolokia-service-jsr160}). No origin is
 * reflected in CORS headers: {@code OriginCheck} has already refused any foreign {@code Origin}.
 * Named in {@code management.endpoint.jolokia.config.restrictorClass}; Jolokia creates it.
 */
public class JolokiaPolicy implements Restrictor {

    private static final String CAMEL = "org.apache.camel";
    private static final String ARTEMIS = "org.apache.activemq.artemis";
    private static final Set<String> JVM_DIAGNOSTICS = Set.of("com.sun.management", "jdk.management.jfr");
    private static final Pattern ARTEMIS_DENIED = Pattern.compile(
            "(remove|move|send|retry|expire|changeMessage|delete|destroy|replay).*");
    private static final Pattern CAMEL_DENIED = Pattern.compile(
            "(send|request|addOrUpdateRoutes|addRoutes|updateRoute|evaluateExpression|setMessage|setExchange"
                    + "|removeMessage|removeExchange).*");

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return true;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return viewer();
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return viewer();
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        if (JVM_DIAGNOSTICS.contains(name.getDomain())) {
            return false;
        }
        return has(Roles.ADMIN) || has(Roles.OPERATOR) && CAMEL.equals(name.getDomain());
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        String domain = name.getDomain();
        if (JVM_DIAGNOSTICS.contains(domain)
                || ARTEMIS.equals(domain) && ARTEMIS_DENIED.matcher(operation).matches()
                || CAMEL.equals(domain) && CAMEL_DENIED.matcher(operation).matches()) {
            return false;
        }
        if (has(Roles.ADMIN)) {
            return true;
        }
        if (has(Roles.OPERATOR) && (CAMEL.equals(domain) || ARTEMIS.equals(domain) || "lienthong".equals(domain))) {
            return true;
        }
        return viewer() && (CAMEL.equals(domain) && operation.startsWith("dump") || "hawtio".equals(domain));
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        // strict check of a request: OriginCheck let only the console's own origin through; a CORS answer: never
        return onlyWhenStrictCheckingIsEnabled;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return false;
    }

    private static boolean viewer() {
        return has(Roles.VIEWER) || has(Roles.OPERATOR) || has(Roles.ADMIN);
    }

    private static boolean has(String role) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.isAuthenticated() && Roles.of(caller.getAuthorities()).contains(role);
    }
}
