package vn.lienthong.broker;

/** The embedded broker's TCP acceptor cannot listen: its port is taken by another process. */
public class BrokerPortInUseException extends IllegalStateException {

    private final String acceptor;

    BrokerPortInUseException(String acceptor, String host, int port) {
        super("the embedded broker cannot listen on " + host + ":" + port + ": the port is in use by another process"
                + " (set lienthong.broker.tcp-acceptor, env LIENTHONG_BROKER_TCP_ACCEPTOR, to another port, or empty"
                + " for in-VM only)");
        this.acceptor = acceptor;
    }

    public String acceptor() {
        return acceptor;
    }
}
