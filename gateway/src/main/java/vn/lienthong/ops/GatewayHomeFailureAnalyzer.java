package vn.lienthong.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stops with the one line of {@link GatewayHomeMissingException}, not with its trace. */
class GatewayHomeFailureAnalyzer extends AbstractFailureAnalyzer<GatewayHomeMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GatewayHomeMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "cd to the folder holding routes/ and mappings/ (the project's root, or the folder the release was"
                        + " unpacked to), or set LIENTHONG_HOME.", cause);
    }
}
