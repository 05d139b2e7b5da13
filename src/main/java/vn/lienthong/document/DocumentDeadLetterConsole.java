package vn.lienthong.document;

import java.util.List;

import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

import vn.lienthong.security.Caller;

/**
 * Parked and quarantined documents for operators in the Hawtio console (JMX tab, {@code lienthong >
 * DocumentDeadLetters}): the same as {@code GET /api/v1/documents/dead-letters} and its re-process.
 */
@Component
@ManagedResource(objectName = "lienthong:type=DocumentDeadLetters",
        description = "Documents parked or quarantined in the document dead-letter queue")
public class DocumentDeadLetterConsole {

    private static final String CONSOLE = "hawtio console";

    private final DocumentDeadLetters deadLetters;

    public DocumentDeadLetterConsole(DocumentDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ManagedOperation(description = "List parked and quarantined documents, oldest first")
    public List<String> list() {
        return deadLetters.list(500).stream()
                .map(l -> l.get("id") + " " + l.get("state") + " " + l.get("kind") + " " + l.get("documentId")
                        + ": " + l.get("reason"))
                .toList();
    }

    @ManagedOperation(description = "Put one parked document back on the queue it came from (re-process it)")
    @ManagedOperationParameter(name = "id", description = "tracking id")
    public boolean reprocess(String id) {
        return deadLetters.reprocess(id, operator());
    }

    /** The console user whose Jolokia request this is (tracking and the audit trail name them). */
    private static String operator() {
        return Caller.current().map(Caller::id).map(id -> id + " (" + CONSOLE + ")").orElse(CONSOLE);
    }
}
