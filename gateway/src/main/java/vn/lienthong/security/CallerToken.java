package vn.lienthong.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A {@link Caller} as Spring Security holds it: authenticated, with its roles as {@code ROLE_<role>} authorities. */
public final class CallerToken extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerToken(Caller caller) {
        super(Roles.authorities(caller.roles()));
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.id();
    }
}
