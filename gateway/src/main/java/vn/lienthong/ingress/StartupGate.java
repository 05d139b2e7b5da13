package vn.lienthong.ingress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server answers a few seconds before the routes behind {@code /api} exist: until Camel has started, the API
 * answers 503 with Retry-After (try again), never a 404 that a client would take as final.
 */
@Component
public class StartupGate extends OncePerRequestFilter {

    private static final byte[] NOT_READY = "{\"errors\":[{\"path\":\"\",\"message\":\"the gateway is starting; try again\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private final CamelContext camel;

    public StartupGate(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (camel.isStarted()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "2");
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(NOT_READY);
    }
}
