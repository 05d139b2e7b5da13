package vn.lienthong.security.console;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.springframework.security.core.AuthenticationException;

import io.hawt.web.auth.RolePrincipal;
import io.hawt.web.auth.UserPrincipal;
import vn.lienthong.security.Caller;
import vn.lienthong.security.Users;

/**
 * Hawtio's login form (and its HTTP Basic check on Jolokia) asks JAAS; this module answers from the gateway's
 * {@link Users}: the subject gets the user, one Hawtio role per role, and the gateway's {@link Caller}.
 */
public class ConsoleLoginModule implements LoginModule {

    static final String USERS_OPTION = Users.class.getName();

    private Subject subject;
    private CallbackHandler callbacks;
    private Users users;
    private Caller caller;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.users = (Users) options.get(USERS_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] { name, password });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("no user name and password: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        try {
            caller = users.authenticate(name.getName(), secret == null ? null : new String(secret));
            return true;
        } catch (AuthenticationException e) {
            throw new FailedLoginException("wrong user name or password");
        } finally {
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        added.add(new UserPrincipal(caller.id()));
        caller.roles().forEach(role -> added.add(new RolePrincipal(role)));
        added.add(new ConsolePrincipal(caller));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        caller = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        caller = null;
        return true;
    }
}
