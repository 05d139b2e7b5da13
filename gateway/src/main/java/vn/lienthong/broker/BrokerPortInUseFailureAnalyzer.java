package vn.lienthong.broker;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stops with one sentence naming the port and the setting instead of a trace: without this check the
 * broker failed in the background and the gateway stayed up answering 503.
 */
class BrokerPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<BrokerPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BrokerPortInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other process, or start with --lienthong.broker.tcp-acceptor=tcp://127.0.0.1:<free port>"
                        + " (or an empty value: the gateway itself needs no TCP acceptor).", cause);
    }
}
