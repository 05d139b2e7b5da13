package vn.lienthong.deadletter;

import java.util.List;

import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

import vn.lienthong.security.Caller;

/**
 * The same dead-letter operations for operators in the Hawtio console (JMX tab, {@code lienthong > DeadLetters}).
 */
@Component
@ManagedResource(objectName = "lienthong:type=DeadLetters", description = "Messages parked in dead-letter queues")
public class DeadLetterConsole {

    private static final String CONSOLE = "hawtio console";

    private final DeadLetterQueue queue;

    public DeadLetterConsole(DeadLetterQueue queue) {
        this.queue = queue;
    }

    @ManagedOperation(description = "List parked messages (empty filters match all)")
    @ManagedOperationParameter(name = "kind", description = "DOSSIER, PROGRESS or empty")
    @ManagedOperationParameter(name = "maHoSo", description = "one dossier or empty")
    public List<String> list(String kind, String maHoSo) {
        return queue.list(new DeadLetterFilter(kind, maHoSo, null), 500).stream()
                .map(l -> l.id() + " " + l.kind() + " " + l.maHoSo() + ": " + l.reason()
                        + (l.heldBehind() == 0 ? "" : " (" + l.heldBehind() + " held behind it)"))
                .toList();
    }

    @ManagedOperation(description = "Put one parked message back on its delivery queue")
    @ManagedOperationParameter(name = "id", description = "tracking id")
    public boolean replay(String id) {
        return queue.replay(id, operator());
    }

    @ManagedOperation(description = "Replay every parked message matching the filters, in the order they were parked")
    @ManagedOperationParameter(name = "kind", description = "DOSSIER, PROGRESS or empty")
    @ManagedOperationParameter(name = "maHoSo", description = "one dossier or empty")
    public int replayAll(String kind, String maHoSo) {
        return queue.replayAll(new DeadLetterFilter(kind, maHoSo, null), operator()).size();
    }

    /** The console user whose Jolokia request this is (tracking and the audit trail name them). */
    private static String operator() {
        return Caller.current().map(Caller::id).map(id -> id + " (" + CONSOLE + ")").orElse(CONSOLE);
    }
}
