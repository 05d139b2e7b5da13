package vn.lienthong.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 401 and 403 written by Spring Security, in the API's shape ({@code {"errors": [{"path", "message"}]}}): the
 * message says which credential was missing or why it was refused (never the credential itself).
 */
final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String missing;
    private final boolean basicChallenge;

    /**
     * @param missing        what a request without any credential is told
     * @param basicChallenge whether a 401 invites HTTP Basic (the console's scripts), or not (the API)
     */
    Refusals(String missing, boolean basicChallenge) {
        this.missing = missing;
        this.basicChallenge = basicChallenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Object refusal = request.getAttribute(CallerAuthentication.REFUSAL);
        if (basicChallenge && !fromBrowserScript(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"lienthong\", charset=\"UTF-8\"");
        }
        write(response, 401, refusal == null ? missing : refusal.toString());
    }

    /**
     * A browser answers a challenged 401 to a page's script with its own login dialog (headless, it waits for ever):
     * over the console's login form, its scripts get a plain 401. Browsers mark script requests with Sec-Fetch-Mode;
     * curl and Jolokia clients do not send it, and keep the challenge.
     */
    private static boolean fromBrowserScript(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return mode != null && !mode.equals("navigate");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException e) throws IOException {
        String who = Caller.current().map(c -> c.id() + " (roles " + c.roles() + ")").orElse("this caller");
        write(response, 403, who + " may not call " + request.getMethod() + " " + request.getRequestURI());
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("errors").addObject().put("path", "").put("message", message);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
