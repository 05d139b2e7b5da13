package vn.lienthong.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * The console and operator users of {@code lienthong.security.users}, checked by Spring Security's password encoders
 * ({@code {bcrypt}} and the other stored forms it knows).
 */
@Component
public class Users {

    private final DaoAuthenticationProvider provider;
    private final List<AccessProperties.User> configured;
    /** Spring Security's success and failure events: the audit trail records logins from them. */
    private final AuthenticationEventPublisher events;

    public Users(AccessProperties properties, AuthenticationEventPublisher events) {
        this.events = events;
        this.configured = properties.users();
        List<UserDetails> users = new ArrayList<>();
        for (AccessProperties.User user : configured) {
            if (user.name() == null || user.name().isBlank() || user.password() == null
                    || !user.password().startsWith("{")) {
                throw new IllegalStateException("lienthong.security.users: every user needs a name and a password in "
                        + "a stored form ({bcrypt}..., or {noop}... outside production)");
            }
            users.add(User.withUsername(user.name()).password(user.password())
                    .authorities(Roles.authorities(user.roles())).build());
        }
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        dao.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        this.provider = dao;
    }

    /** The user behind a name and password; a {@link BadCredentialsException} when they do not match. */
    public Caller authenticate(String name, String password) throws AuthenticationException {
        if (name == null || password == null) {
            throw new BadCredentialsException("missing user name or password");
        }
        Authentication login = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        Authentication result;
        try {
            result = provider.authenticate(login);
        } catch (AuthenticationException e) {
            events.publishAuthenticationFailure(e, login);
            throw e;
        }
        events.publishAuthenticationSuccess(result);
        return Caller.user(result.getName(), Roles.of(result.getAuthorities()));
    }

    public List<AccessProperties.User> configured() {
        return configured;
    }
}
