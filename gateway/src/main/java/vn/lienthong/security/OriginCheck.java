package vn.lienthong.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's guard against other web sites: a request whose {@code Origin} is neither the console's own nor one of
 * {@code lienthong.security.console.allowed-origins} is refused (403), and so is a state-changing request a browser
 * marks {@code Sec-Fetch-Site: cross-site}. With the session cookie sent {@code SameSite=Strict}, this is the
 * console's CSRF protection: Jolokia's clients (the console's own pages, scripts with HTTP Basic) send no CSRF token.
 * No CORS header is ever sent, so a page elsewhere cannot read an answer either.
 */
public class OriginCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OriginCheck.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final List<String> allowedOrigins;

    public OriginCheck(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(OriginCheck::normalise).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        boolean foreignOrigin = origin != null && !isOwnOrAllowed(request, origin);
        boolean crossSiteWrite = "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))
                && !SAFE_METHODS.contains(request.getMethod());
        if (foreignOrigin || crossSiteWrite) {
            log.warn("refused a cross-origin request to {} from {} (Origin {})", request.getRequestURI(),
                    request.getRemoteAddr(), origin);
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-origin requests are not accepted");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isOwnOrAllowed(HttpServletRequest request, String origin) {
        String normalised = normalise(origin);
        String host = request.getHeader("Host");
        String own = host == null ? null : normalise(request.getScheme() + "://" + host);
        return normalised.equals(own) || allowedOrigins.contains(normalised);
    }

    /** Scheme and host compared without case; the default port written or not is the same origin. */
    private static String normalise(String origin) {
        String value = origin.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("http://") && value.endsWith(":80")) {
            return value.substring(0, value.length() - 3);
        }
        if (value.startsWith("https://") && value.endsWith(":443")) {
            return value.substring(0, value.length() - 4);
        }
        return value;
    }
}
