package vn.lienthong.simulator.axis;

import vn.lienthong.simulator.SimulatorFaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The axis's faults in front of its SOAP endpoint: a down axis answers 503, a failing one 500, both as plain text as
 * a broken server or proxy would (not a SOAP fault); latency delays every call. Only calls (POST): the WSDL stays
 * readable.
 */
public class AxisSoapFaultFilter extends OncePerRequestFilter {

    private final SimulatorFaults faults;

    public AxisSoapFaultFilter(SimulatorFaults faults) {
        this.faults = faults;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        SimulatorFaults.Settings fault = faults.current();
        fault.delay();
        if (fault.down()) {
            refuse(response, 503, "axis down (simulated)");
        } else if (fault.failsNow()) {
            refuse(response, 500, "axis error (simulated)");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
