package vn.lienthong.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.lienthong.client.ClientProperties.ClientSystem;

/**
 * Who is calling: a client system (API key, bearer token, client certificate) or a console user (password), with its
 * roles. Read it anywhere on the request's thread with {@link #current()} (the routes of the API run on it).
 *
 * @param id     the client's id or the user's name, as tracking and the audit trail show it
 * @param roles  its roles ({@link Roles}: an open set of names)
 * @param client the client system it acts as (for a console user: one with its name and roles and nothing else)
 * @param method how it proved it: {@code api-key}, {@code bearer-token}, {@code client-certificate}, {@code password}
 */
public record Caller(String id, Set<String> roles, ClientSystem client, String method) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the request being handled on this thread, if it authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerToken token) {
            return Optional.of(token.caller());
        }
        return Optional.empty();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A console user: its client view has its name and roles only (no keys, kinds or units). */
    public static Caller user(String name, Set<String> roles) {
        return new Caller(name, roles, ClientSystem.named(name, roles), "password");
    }

    public static Caller client(ClientSystem client, String method) {
        return new Caller(client.id(), client.roles(), client, method);
    }
}
