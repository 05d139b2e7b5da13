package vn.lienthong.simulator.axis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One edXML file the axis carries, as stored: who sent it to whom, what it is, and the hashes of the file and of
 * each attachment. Immutable; where each recipient is with it lives in the mailboxes.
 *
 * @param docId       the axis's id of the file (a UUID), answered to the sender
 * @param documentId  the edXML DocumentId; of a status message, ResponseFor/DocumentId (the document it is about)
 * @param statusCode  StatusCode of a status message; null for a document
 * @param size        bytes of the edXML file
 * @param sha256      of the edXML file, lowercase hex
 * @param sentBy      the system that sent it, or {@code inject} for the admin endpoint
 * @param signature   what the edXML library said of its signature (VALID, ABSENT, ...): the axis carries invalid ones
 */
public record AxisMessage(String docId, AxisMessageType type, String fromOrganId, List<String> toOrganIds,
                          String documentId, String statusCode, long size, String sha256,
                          List<Attachment> attachments, Instant created, String sentBy, String signature) {

    public static final String SENT_BY_INJECT = "inject";

    public AxisMessage {
        toOrganIds = List.copyOf(toOrganIds);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An attachment as the edXML library decoded it: decoded size and SHA-256 (lowercase hex). */
    public record Attachment(String contentId, String name, long size, String sha256) {
    }

    /** The fields every view shares, in the order the views show them. */
    void writeTo(ObjectNode json) {
        json.put("DocID", docId);
        json.put("messagetype", type.wire());
        json.put("FromOrganId", fromOrganId);
        json.put("DocumentId", documentId);
        if (statusCode != null) {
            json.put("StatusCode", statusCode);
        }
        json.put("size", size);
        json.put("sha256", sha256);
        ArrayNode list = json.putArray("attachments");
        for (Attachment a : attachments) {
            list.addObject().put("contentId", a.contentId()).put("name", a.name()).put("size", a.size())
                    .put("sha256", a.sha256());
        }
        json.put("created", AxisTime.format(created));
        json.put("sentBy", sentBy);
        json.put("signature", signature);
    }

    /** The journal's form: every field, unambiguous. */
    ObjectNode toJournal() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("docId", docId);
        json.put("type", type.wire());
        json.put("from", fromOrganId);
        ArrayNode to = json.putArray("to");
        toOrganIds.forEach(to::add);
        json.put("documentId", documentId);
        json.put("statusCode", statusCode);
        json.put("size", size);
        json.put("sha256", sha256);
        ArrayNode list = json.putArray("attachments");
        for (Attachment a : attachments) {
            list.addObject().put("contentId", a.contentId()).put("name", a.name()).put("size", a.size())
                    .put("sha256", a.sha256());
        }
        json.put("created", created.toString());
        json.put("sentBy", sentBy);
        json.put("signature", signature);
        return json;
    }

    static AxisMessage fromJournal(JsonNode json) {
        List<String> to = new ArrayList<>();
        json.path("to").forEach(node -> to.add(node.asText()));
        List<Attachment> attachments = new ArrayList<>();
        json.path("attachments").forEach(a -> attachments.add(new Attachment(text(a, "contentId"), text(a, "name"),
                a.path("size").asLong(), text(a, "sha256"))));
        return new AxisMessage(text(json, "docId"),
                AxisMessageType.fromWire(text(json, "type")).orElseThrow(
                        () -> new IllegalArgumentException("unknown type " + json.path("type"))),
                text(json, "from"), to, text(json, "documentId"), text(json, "statusCode"),
                json.path("size").asLong(), text(json, "sha256"), attachments,
                Instant.parse(text(json, "created")), text(json, "sentBy"), text(json, "signature"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
