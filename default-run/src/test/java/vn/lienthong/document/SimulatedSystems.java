package vn.lienthong.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.DvcqgSimulator;
import vn.lienthong.support.Http;

/** What the document axis and e-office simulators hold, as the document tests read and steer them (over HTTP). */
final class SimulatedSystems {

    private final DvcqgSimulator simulators;

    SimulatedSystems(DvcqgSimulator simulators) {
        this.simulators = simulators;
    }

    /** Places an edXML file in {@code to}'s mailbox as if its From agency had sent it; returns the DocID. */
    String inject(byte[] edxml, String to) {
        Http.Reply reply = Http.post(simulators.axisUrl() + "/inject?to=" + to, edxml,
                Map.of("Content-Type", "application/xml"));
        if (reply.status() != 200 || !reply.json().has("DocID")) {
            throw new IllegalStateException("inject failed: " + reply.status() + " " + reply.text());
        }
        return reply.json().get("DocID").asText();
    }

    /** The mailbox record of the message with this DocumentId that {@code organ} received, if it arrived. */
    Optional<JsonNode> received(String organ, String documentId) {
        return all(Http.get(simulators.axisUrl() + "/agencies/" + organ + "/received", Map.of()).json()).stream()
                .filter(r -> documentId.equals(r.path("DocumentId").asText())).findFirst();
    }

    List<JsonNode> receivedAll(String organ, String documentId) {
        return all(Http.get(simulators.axisUrl() + "/agencies/" + organ + "/received", Map.of()).json()).stream()
                .filter(r -> documentId.equals(r.path("DocumentId").asText())).toList();
    }

    /** The axis's record of one DocID (with the receivers' ack). */
    JsonNode axisDocument(String docId) {
        return Http.get(simulators.axisUrl() + "/documents/" + docId, Map.of()).json();
    }

    byte[] axisFile(String docId) {
        return Http.get(simulators.axisUrl() + "/documents/" + docId + "/edxml", Map.of()).body();
    }

    void axisFaults(boolean down) {
        Http.put(simulators.axisUrl() + "/faults", Map.of("down", down));
    }

    /** What the e-office was given for {@code organ} with this DocumentId. */
    List<JsonNode> eofficeDocuments(String organ, String documentId) {
        return all(Http.get(simulators.eofficeUrl() + "/" + organ + "/documents", Map.of()).json()).stream()
                .filter(d -> documentId.equals(d.path("metadata").path("documentId").asText())).toList();
    }

    List<JsonNode> eofficeStatuses(String organ, String documentId) {
        return all(Http.get(simulators.eofficeUrl() + "/" + organ + "/statuses", Map.of()).json()).stream()
                .filter(s -> documentId.equals(s.path("status").path("documentId").asText())).toList();
    }

    void eofficeFaults(boolean down) {
        Http.put(simulators.eofficeUrl() + "/faults", Map.of("down", down));
    }

    void healthy() {
        axisFaults(false);
        eofficeFaults(false);
    }

    private static List<JsonNode> all(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(list::add);
        }
        return list;
    }
}
