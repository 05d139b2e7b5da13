package vn.lienthong.security.console;

import java.io.IOException;
import java.util.Set;

import javax.security.auth.Subject;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lienthong.security.CallerToken;

/**
 * A user logged in with Hawtio's form has a session whose JAAS subject (attribute {@code subject}, set by Hawtio's
 * login servlet) carries the gateway's {@link ConsolePrincipal}: its requests (Jolokia from the console's pages)
 * are that caller's, for Spring Security's rules and the Jolokia policy alike.
 */
public class HawtioSessionBridge extends OncePerRequestFilter {

    static final String HAWTIO_SUBJECT = "subject";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication existing = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if ((existing == null || !existing.isAuthenticated()) && session != null
                && session.getAttribute(HAWTIO_SUBJECT) instanceof Subject subject) {
            Set<ConsolePrincipal> principals = subject.getPrincipals(ConsolePrincipal.class);
            if (!principals.isEmpty()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new CallerToken(principals.iterator().next().caller()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
