package vn.lienthong.deadletter;

import java.util.List;

import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

import vn.lienthong.security.Caller;

/**
 * The same dead-letter operations for operators in the Hawtio console (JMX tab, {@code lienthong > DeadLetters}), for
 * every flow's dead letters together.
 */
@Component
@ManagedResource(objectName = "lienthong:type=DeadLetters", description = "Messages parked in dead-letter queues")
public class DeadLetterConsole {

    private static final String CONSOLE = "hawtio console";

    private final DeadLetterOperations deadLetters;

    public DeadLetterConsole(DeadLetterOperations deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ManagedOperation(description = "List parked and quarantined messages of every flow (empty filters match all)")
    @ManagedOperationParameter(name = "kind", description = "DOSSIER, PROGRESS, DOCUMENT, DOCUMENT_STATUS or empty")
    @ManagedOperationParameter(name = "key", description = "one dossier's MaHoSo, one document's DocumentId, or empty")
    public List<String> list(String kind, String key) {
        return deadLetters.list(new DeadLetterFilter(null, kind, key, null), 500).stream()
                .map(l -> l.id() + " " + l.state() + " " + l.kind() + " " + l.key() + ": " + l.reason()
                        + (Integer.valueOf(0).equals(l.details().getOrDefault("heldBehind", 0)) ? ""
                                : " (" + l.details().get("heldBehind") + " held behind it)"))
                .toList();
    }

    @ManagedOperation(description = "Put one parked message back where it goes next (its delivery queue)")
    @ManagedOperationParameter(name = "id", description = "tracking id")
    public boolean replay(String id) {
        return deadLetters.replay(id, operator());
    }

    @ManagedOperation(description = "Replay every parked message matching the filters, in the order they were parked")
    @ManagedOperationParameter(name = "kind", description = "DOSSIER, PROGRESS, DOCUMENT, DOCUMENT_STATUS or empty")
    @ManagedOperationParameter(name = "key", description = "one dossier's MaHoSo, one document's DocumentId, or empty")
    public int replayAll(String kind, String key) {
        return deadLetters.replayAll(new DeadLetterFilter(null, kind, key, null), operator()).size();
    }

    /** The console user whose Jolokia request this is (tracking and the audit trail name them). */
    private static String operator() {
        return Caller.current().map(Caller::id).map(id -> id + " (" + CONSOLE + ")").orElse(CONSOLE);
    }
}
