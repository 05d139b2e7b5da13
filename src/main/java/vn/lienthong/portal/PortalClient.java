package vn.lienthong.portal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Talks to the national portal: logs in, caches the session, posts envelopes to the integration URL, and logs in
 * again once when the portal says the session is no longer valid.
 */
@Component
public class PortalClient {

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);

    private final PortalProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Pattern alreadyExists;
    private final AtomicReference<String> session = new AtomicReference<>();

    public PortalClient(PortalProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.alreadyExists = Pattern.compile(properties.alreadyExistsPattern());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    /**
     * Posts one envelope (without its session) and returns the portal's reply, whatever its error_code.
     *
     * @throws PortalUnavailableException when the portal cannot be reached, fails, or refuses to log in
     */
    public PortalReply call(ObjectNode envelope) {
        String current = currentSession();
        PortalReply reply = post(envelope, current);
        if (properties.sessionInvalidCodes().contains(reply.errorCode())) {
            log.info("DVCQG session refused ({}); logging in again", reply.message());
            session.compareAndSet(current, null);
            reply = post(envelope, currentSession());
            if (properties.sessionInvalidCodes().contains(reply.errorCode())) {
                throw new PortalUnavailableException("portal refused a fresh session: " + reply.message());
            }
        }
        return reply;
    }

    public boolean isSuccess(PortalReply reply) {
        return reply.errorCode() != null && properties.successCodes().contains(reply.errorCode());
    }

    public boolean isAlreadyExists(PortalReply reply) {
        return reply.message() != null && alreadyExists.matcher(reply.message()).find();
    }

    private PortalReply post(ObjectNode envelope, String sessionId) {
        ObjectNode withSession = json.createObjectNode();
        withSession.put("session", sessionId);
        withSession.setAll(envelope);
        return PortalReply.of(exchange(HttpRequest.newBuilder(properties.integrationUrl()), withSession));
    }

    private String currentSession() {
        String current = session.get();
        if (current != null) {
            return current;
        }
        synchronized (session) {
            current = session.get();
            if (current == null) {
                current = login();
                session.set(current);
            }
            return current;
        }
    }

    private String login() {
        ObjectNode credentials = json.createObjectNode()
                .put("username", properties.username())
                .put("password", properties.password());
        JsonNode reply = exchange(HttpRequest.newBuilder(properties.authUrl()).header("dstcode", properties.dstcode()),
                credentials);
        PortalReply answer = PortalReply.of(reply);
        String sessionId = reply.path("session").asText(null);
        if (!isSuccess(answer) || sessionId == null || sessionId.isEmpty()) {
            throw new PortalUnavailableException("portal login refused: error_code " + answer.errorCode() + ": "
                    + answer.message());
        }
        return sessionId;
    }

    private JsonNode exchange(HttpRequest.Builder request, JsonNode body) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PortalUnavailableException("portal unreachable: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalUnavailableException("interrupted while calling the portal", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PortalUnavailableException("portal answered HTTP " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new PortalUnavailableException("portal answered something that is not JSON (HTTP "
                    + response.statusCode() + ")", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
