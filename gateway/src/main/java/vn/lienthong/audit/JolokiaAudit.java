package vn.lienthong.audit;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.security.Caller;

/**
 * Records in the audit trail every JMX operation ({@code exec}) and attribute change ({@code write}) asked through
 * Jolokia, the console's way in (route start/stop, dead-letter replays from the JMX tab, ...), with who asked: the
 * authenticated user when there is one. Recorded when asked, whether or not the access policy then lets it run.
 * Reads run unrecorded. A request body is read once here and handed on to Jolokia unchanged.
 */
public class JolokiaAudit extends OncePerRequestFilter {

    /** Far more than any console request; a larger one is refused rather than run unrecorded. */
    static final int MAX_BODY = 1024 * 1024;

    private final AuditTrail audit;
    private final ObjectMapper json;
    /** Where Jolokia answers: the actuator's endpoint and the console's own path to it. */
    private final List<String> jolokiaPaths;

    public JolokiaAudit(AuditTrail audit, ObjectMapper json, List<String> jolokiaPaths) {
        this.audit = audit;
        this.json = json;
        this.jolokiaPaths = List.copyOf(jolokiaPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return jolokiaPath(request) == null;
    }

    /** The Jolokia path the request is under, or null. */
    private String jolokiaPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return jolokiaPaths.stream().filter(p -> path.equals(p) || path.startsWith(p + "/")).findFirst().orElse(null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = actor(request);
        if ("POST".equalsIgnoreCase(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                response.sendError(413, "Jolokia request larger than " + MAX_BODY + " bytes");
                return;
            }
            recordBody(actor, body);
            chain.doFilter(new ReadAgain(request, body), response);
            return;
        }
        recordPath(actor, request);
        chain.doFilter(request, response);
    }

    /** A POST: one request object or an array of them. */
    private void recordBody(String actor, byte[] body) {
        JsonNode requests;
        try {
            requests = json.readTree(body);
        } catch (IOException notJson) {
            return; // Jolokia refuses it too: nothing runs
        }
        for (JsonNode request : requests == null ? List.<JsonNode>of() : requests.isArray() ? toList(requests)
                : List.of(requests)) {
            String type = request.path("type").asText("").toLowerCase(Locale.ROOT);
            String mbean = request.path("mbean").asText(null);
            if (type.equals("exec")) {
                audit.operatorAction(actor, AuditAction.JOLOKIA_EXEC, mbean, "operation "
                        + request.path("operation").asText("") + " arguments " + request.path("arguments"));
            } else if (type.equals("write")) {
                audit.operatorAction(actor, AuditAction.JOLOKIA_WRITE, mbean, "attribute "
                        + request.path("attribute").asText("") + " value " + request.path("value"));
            }
        }
    }

    /** A GET: {@code /jolokia/exec/<mbean>/<operation>/<arguments>}, or the same path in the {@code p} parameter. */
    private void recordPath(String actor, HttpServletRequest request) {
        String path = request.getParameter("p");
        if (path == null) {
            String uri = request.getRequestURI().substring(request.getContextPath().length());
            path = uri.substring(jolokiaPath(request).length());
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        String type = trimmed.split("/", 2)[0].toLowerCase(Locale.ROOT);
        if (type.equals("exec")) {
            audit.operatorAction(actor, AuditAction.JOLOKIA_EXEC, null, "GET " + path);
        } else if (type.equals("write")) {
            audit.operatorAction(actor, AuditAction.JOLOKIA_WRITE, null, "GET " + path);
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** The authenticated user, else where the request came from. */
    private static String actor(HttpServletRequest request) {
        Optional<Caller> caller = Caller.current();
        if (caller.isPresent()) {
            return caller.get().id();
        }
        if (request.getUserPrincipal() != null) {
            return request.getUserPrincipal().getName();
        }
        return "anonymous from " + request.getRemoteAddr();
    }

    /** The request with its body read again from memory. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is in memory: read it blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
