package vn.lienthong.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles the gateway knows. Roles are plain names from configuration (an open set: a later {@code manager} needs no
 * code here); these three are the ones the gateway's own rules grant something to.
 */
public final class Roles {

    /** Reads the console (attributes, route diagrams), the metrics and every trail. */
    public static final String VIEWER = "viewer";
    /** Also replays dead letters and starts or stops routes. */
    public static final String OPERATOR = "operator";
    /** Reads the Decision 766 indicators (the API and the page at /indicators), nothing else. */
    public static final String MANAGER = "manager";
    /** Also the JVM's and the configuration's endpoints, and the audit trail. */
    public static final String ADMIN = "admin";

    private static final String PREFIX = "ROLE_";

    private Roles() {
    }

    public static Set<GrantedAuthority> authorities(Collection<String> roles) {
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(PREFIX + role))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Set<String> of(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(PREFIX))
                .map(a -> a.substring(PREFIX.length())).collect(Collectors.toUnmodifiableSet());
    }
}
