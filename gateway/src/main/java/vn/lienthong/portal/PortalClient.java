package vn.lienthong.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.http.OAuth2TokenClient;
import vn.lienthong.http.OAuth2TokenException;
import vn.lienthong.metrics.Destination;
import vn.lienthong.metrics.DestinationCalls;

/**
 * Talks to the national portal: logs in, caches the session, posts envelopes to the integration URL, and logs in
 * again once when the portal says the session is no longer valid. Behind a province's LGSP every call (the login's
 * too) also carries an OAuth2 bearer token, asked for again once when a call is answered HTTP 401. Calls go over a pool of kept-alive connections
 * (Apache HttpClient, blocking: a consumer waits for its answer anyway), at most {@link #MAX_CONNECTIONS} at once.
 */
@Component
public class PortalClient implements AutoCloseable {

    /** More than the delivery consumers and the held messages' retrier ever need at once. */
    static final int MAX_CONNECTIONS = 64;

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);

    private final PortalProperties properties;
    private final ObjectMapper json;
    private final CloseableHttpClient http;
    private final Pattern alreadyExists;
    private final AtomicReference<String> session = new AtomicReference<>();
    /** The LGSP's bearer tokens when the portal is behind one (lienthong.portal.oauth2), else null. */
    private final OAuth2TokenClient tokens;
    private final DestinationCalls calls;

    public PortalClient(PortalProperties properties, ObjectMapper json) {
        this(properties, json, DestinationCalls.NONE);
    }

    @Autowired
    public PortalClient(PortalProperties properties, ObjectMapper json, DestinationCalls calls) {
        this.properties = properties;
        this.json = json;
        this.calls = calls;
        this.tokens = properties.oauth2().enabled()
                ? new OAuth2TokenClient(properties.oauth2(), json, Clock.systemUTC()) : null;
        this.alreadyExists = Pattern.compile(properties.alreadyExistsPattern());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.requestTimeout()))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(properties.requestTimeout()))
                        .setResponseTimeout(Timeout.of(properties.requestTimeout()))
                        .build())
                // A failed call is the delivery's to retry (it knows whether the portal may have taken it).
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
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

    /**
     * Streams a file the portal holds (a dossier's file, by its {@code getfile} URL) into {@code out}, chunk by chunk
     * (never whole in memory), with the LGSP's bearer token when there is one.
     *
     * @return the bytes copied
     * @throws PortalUnavailableException when the portal cannot be reached or does not answer 2xx (worth retrying)
     * @throws FileTooLargeException      when the file has more than {@code limit} bytes (it will not shrink)
     */
    public long download(URI url, OutputStream out, long limit, Duration timeout) {
        HttpGet get = new HttpGet(url);
        get.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
        String bearer = bearer();
        if (bearer != null) {
            get.setHeader("Authorization", bearer);
        }
        try {
            return http.execute(get, response -> {
                int status = response.getCode();
                if (status / 100 != 2 || response.getEntity() == null) {
                    calls.failed(Destination.PORTAL, "http_" + status, "portal answered HTTP " + status + " for a file");
                    throw new PortalUnavailableException("the portal answered HTTP " + status + " for the file " + url);
                }
                try (InputStream in = response.getEntity().getContent()) {
                    byte[] buffer = new byte[64 * 1024];
                    long copied = 0;
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        copied += n;
                        if (copied > limit) {
                            throw new FileTooLargeException(url + " has more than " + limit + " bytes");
                        }
                        out.write(buffer, 0, n);
                    }
                    return copied;
                }
            });
        } catch (PortalUnavailableException | FileTooLargeException e) {
            throw e;
        } catch (IOException e) {
            calls.failed(Destination.PORTAL, "unreachable", "portal unreachable: " + describe(e));
            throw new PortalUnavailableException("the file " + url + " could not be fetched: " + describe(e), e);
        }
    }

    /** A file at the portal larger than the gateway takes (lienthong.national.max-file-size): retrying cannot help. */
    public static class FileTooLargeException extends RuntimeException {
        public FileTooLargeException(String message) {
            super(message);
        }
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
        return PortalReply.of(exchange(properties.integrationUrl(), Map.of(), withSession));
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
        JsonNode reply = exchange(properties.authUrl(), Map.of("dstcode", properties.dstcode()), credentials);
        PortalReply answer = PortalReply.of(reply);
        String sessionId = reply.path("session").asText(null);
        if (!isSuccess(answer) || sessionId == null || sessionId.isEmpty()) {
            throw new PortalUnavailableException("portal login refused: error_code " + answer.errorCode() + ": "
                    + answer.message());
        }
        return sessionId;
    }

    private JsonNode exchange(URI url, Map<String, String> headers, JsonNode body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e); // plain nodes always serialise
        }
        String bearer = bearer();
        Answer answer = post(url, headers, bytes, bearer);
        if (answer.status() == 401 && tokens != null) {
            log.info("the portal's LGSP refused the OAuth2 token (HTTP 401); asking for a new one");
            tokens.refused(bearer);
            answer = post(url, headers, bytes, bearer());
            if (answer.status() == 401) {
                throw new PortalUnavailableException("the portal's LGSP refused a fresh OAuth2 token (HTTP 401)");
            }
        }
        if (answer.status() / 100 != 2) {
            calls.failed(Destination.PORTAL, "http_" + answer.status(), "portal answered HTTP " + answer.status());
            throw new PortalUnavailableException("portal answered HTTP " + answer.status());
        }
        JsonNode reply;
        try {
            reply = json.readTree(answer.body());
        } catch (IOException e) {
            calls.failed(Destination.PORTAL, "not_json", "portal answered something that is not JSON");
            throw new PortalUnavailableException("portal answered something that is not JSON (HTTP "
                    + answer.status() + ")", e);
        }
        calls.answered(Destination.PORTAL, PortalReply.of(reply).errorCode());
        return reply;
    }

    private Answer post(URI url, Map<String, String> headers, byte[] body, String bearer) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setHeader("Accept", "application/json");
        if (bearer != null) {
            post.setHeader("Authorization", bearer);
        }
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            calls.failed(Destination.PORTAL, "unreachable", "portal unreachable: " + describe(e));
            throw new PortalUnavailableException("portal unreachable: " + describe(e), e);
        }
    }

    /** The Authorization header for the LGSP, or null without one. */
    private String bearer() {
        if (tokens == null) {
            return null;
        }
        try {
            return tokens.authorization();
        } catch (OAuth2TokenException e) {
            throw new PortalUnavailableException("no OAuth2 token for the portal: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private record Answer(int status, byte[] body) {
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
