package vn.lienthong.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.client.ClientRegistry;

/**
 * Finds out who is calling, from the first credential the request carries: an {@code X-API-Key}, an
 * {@code Authorization: Bearer} token, {@code Authorization: Basic} (console users), a client certificate. A valid one
 * makes the request's {@link Caller}; a wrong one is counted against its source address ({@link FailedLogins}: 429
 * beyond the limit) and leaves the request anonymous with the reason in {@link #REFUSAL}, for the 401 to say.
 * Without any credential the request goes on anonymous: the rules of the filter chain decide what it may reach.
 */
public class CallerAuthentication extends OncePerRequestFilter {

    /** Request attribute: why the credential presented was refused. */
    public static final String REFUSAL = CallerAuthentication.class.getName() + ".refusal";
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final ClientRegistry clients;
    private final Users users;
    private final BearerTokens tokens;
    private final FailedLogins failedLogins;
    /** The console takes only passwords: client systems' keys, tokens and certificates are for the API. */
    private final boolean clientCredentials;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    public CallerAuthentication(ClientRegistry clients, Users users, BearerTokens tokens, FailedLogins failedLogins,
            boolean clientCredentials) {
        this.clients = clients;
        this.users = users;
        this.tokens = tokens;
        this.failedLogins = failedLogins;
        this.clientCredentials = clientCredentials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication existing = SecurityContextHolder.getContext().getAuthentication();
        if (existing != null && existing.isAuthenticated() && !(existing instanceof AnonymousAuthenticationToken)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            Caller caller = identify(request);
            if (caller != null) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new CallerToken(caller));
                SecurityContextHolder.setContext(context);
            }
        } catch (AuthenticationException e) {
            Duration wait = failedLogins.failed(request.getRemoteAddr(), e.getMessage());
            if (!wait.isZero()) {
                tooManyFailures(response, wait);
                return;
            }
            request.setAttribute(REFUSAL, e.getMessage());
        }
        chain.doFilter(request, response);
    }

    /** The caller the request's credential proves; {@code null} when it carries none. */
    private Caller identify(HttpServletRequest request) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (clientCredentials && apiKey != null) {
            return clients.byApiKey(apiKey).map(client -> Caller.client(client, "api-key"))
                    .orElseThrow(() -> new BadCredentialsException("unknown API key"));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && clientCredentials) {
            return tokens.authenticate(authorization.substring(7).trim());
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordAuthenticationToken login = basic.convert(request);
            return users.authenticate(login.getName(), String.valueOf(login.getCredentials()));
        }
        if (authorization != null) {
            throw new BadCredentialsException("unsupported Authorization scheme");
        }
        Object certificates = request.getAttribute(CERTIFICATES);
        if (clientCredentials && certificates instanceof X509Certificate[] chain && chain.length > 0) {
            return clients.byCertificateSubject(chain[0].getSubjectX500Principal())
                    .map(client -> Caller.client(client, "client-certificate"))
                    .orElseThrow(() -> new BadCredentialsException("no client has the certificate subject "
                            + chain[0].getSubjectX500Principal().getName()));
        }
        return null;
    }

    private static void tooManyFailures(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"errors\":[{\"path\":\"\",\"message\":\"too many failed "
                + "authentications from this address: retry after " + seconds + " s\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
