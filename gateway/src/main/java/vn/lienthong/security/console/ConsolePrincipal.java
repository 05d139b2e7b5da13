package vn.lienthong.security.console;

import java.io.Serializable;
import java.security.Principal;

import vn.lienthong.security.Caller;

/** The user of a console session, as Hawtio's JAAS subject carries it: the gateway's {@link Caller}. */
public record ConsolePrincipal(Caller caller) implements Principal, Serializable {

    @Override
    public String getName() {
        return caller.id();
    }
}
