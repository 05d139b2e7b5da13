package vn.lienthong.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bearer tokens from an OAuth2 token endpoint (client-credentials grant), for the calls the gateway makes through a
 * province's LGSP. A token is kept until {@code renew-before} ahead of its expiry and shared by every caller; a call
 * the server refused with 401 hands its token back ({@link #refused}) and the next caller gets a fresh one. A token
 * without {@code expires_in} is kept until it is refused. Neither the secret nor a token is ever logged.
 */
public class OAuth2TokenClient {

    private static final Logger log = LoggerFactory.getLogger(OAuth2TokenClient.class);
    /** Enough of an error answer to read its {@code error} and {@code error_description}. */
    private static final int MAX_ERROR_CHARS = 300;

    private final OAuth2ClientProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Object renewal = new Object();
    private volatile Token current;

    public OAuth2TokenClient(OAuth2ClientProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .build();
    }

    /**
     * The {@code Authorization} header value for a call: the kept token, or a new one.
     *
     * @throws OAuth2TokenException when no token can be had (the endpoint unreachable, failing or refusing)
     */
    public String authorization() {
        Token token = current;
        if (token != null && token.isFresh(clock.instant())) {
            return token.header();
        }
        synchronized (renewal) {
            token = current;
            if (token == null || !token.isFresh(clock.instant())) {
                token = fetch();
                current = token;
            }
            return token.header();
        }
    }

    /** The server refused a call made with {@code authorization}: it is not handed out again. */
    public void refused(String authorization) {
        synchronized (renewal) {
            Token token = current;
            if (token != null && token.header().equals(authorization)) {
                current = null;
            }
        }
    }

    private Token fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (hasText(properties.scope())) {
            form.put("scope", properties.scope());
        }
        if (hasText(properties.audience())) {
            form.put("audience", properties.audience());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(properties.tokenUrl())
                .timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (properties.clientAuthentication() == OAuth2ClientProperties.ClientAuthentication.BASIC) {
            // RFC 6749 2.3.1: id and secret form-encoded, then Basic
            String pair = encode(properties.clientId()) + ":" + encode(properties.clientSecret());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", properties.clientId());
            form.put("client_secret", properties.clientSecret());
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        Instant askedAt = clock.instant();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OAuth2TokenException("token endpoint " + properties.tokenUrl() + " unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuth2TokenException("interrupted while asking " + properties.tokenUrl() + " for a token", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200 || answer == null || !answer.hasNonNull("access_token")) {
            throw new OAuth2TokenException("token endpoint " + properties.tokenUrl() + " answered HTTP "
                    + response.statusCode() + describe(answer));
        }
        String tokenType = answer.path("token_type").asText("Bearer");
        if (!tokenType.equalsIgnoreCase("Bearer")) {
            throw new OAuth2TokenException("token endpoint " + properties.tokenUrl() + " gave a " + tokenType
                    + " token, not a Bearer token");
        }
        Instant renewAt = renewAt(askedAt, answer.path("expires_in"));
        log.info("OAuth2 token for client {} from {}{}", properties.clientId(), properties.tokenUrl(),
                renewAt == null ? " (no expiry given)" : ", renewed at " + renewAt);
        return new Token("Bearer " + answer.get("access_token").asText(), renewAt);
    }

    /** Ahead of the expiry by renew-before, or half-way for a token that lives shorter than that. */
    private Instant renewAt(Instant askedAt, JsonNode expiresIn) {
        long seconds = expiresIn.isNumber() ? expiresIn.asLong() : expiresIn.isTextual() ? parseLong(expiresIn.asText())
                : -1;
        if (seconds < 0) {
            return null;
        }
        Duration lifetime = Duration.ofSeconds(seconds);
        Duration ahead = properties.renewBefore().compareTo(lifetime.dividedBy(2)) < 0 ? properties.renewBefore()
                : lifetime.dividedBy(2);
        return askedAt.plus(lifetime).minus(ahead);
    }

    private JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String describe(JsonNode answer) {
        if (answer == null || !answer.has("error")) {
            return "";
        }
        String text = ": " + answer.path("error").asText() + (answer.hasNonNull("error_description")
                ? " (" + answer.path("error_description").asText() + ")" : "");
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A token and when to renew it (null: when refused). */
    private record Token(String header, Instant renewAt) {
        boolean isFresh(Instant now) {
            return renewAt == null || now.isBefore(renewAt);
        }

        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }
}
