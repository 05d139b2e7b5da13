package vn.lienthong.document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.contract.InvalidMessageException;
import vn.lienthong.contract.Problem;
import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StaffInfo;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.edxml.TraceHeader;

/**
 * The gateway's JSON document contract ({@code mappings/documents/*.schema.json}, already validated) to the edXML
 * model: a document from its metadata and files, a status from its JSON. The JSON names are the edXML names in
 * camelCase, so this is a field-by-field copy; what the schema cannot check (real dates) is checked here and listed.
 */
final class DocumentContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DOCUMENT_ID_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final List<Problem> problems = new ArrayList<>();

    private DocumentContract() {
    }

    /** A document from its metadata and its attachment files (already matched to the metadata's entries). */
    static EdxmlDocument document(JsonNode m, List<EdxmlAttachment> attachments, LocalDateTime now) {
        DocumentContract c = new DocumentContract();
        Organ from = organ(m.get("from"));
        List<Organ> to = new ArrayList<>();
        m.get("to").forEach(o -> to.add(organ(o)));
        EdxmlDocument.Code code = new EdxmlDocument.Code(text(m.at("/code/codeNumber")),
                text(m.at("/code/codeNotation")));
        LocalDate promulgationDate = c.date(m.at("/promulgationInfo/promulgationDate"),
                "/promulgationInfo/promulgationDate");
        String documentId = text(m.get("documentId"));
        if (documentId == null && promulgationDate != null) {
            documentId = from.organId() + "," + promulgationDate.format(DOCUMENT_ID_DATE) + "," + code.codeNumber()
                    + "/" + code.codeNotation();
        }
        JsonNode other = m.get("otherInfo");
        EdxmlDocument.OtherInfo otherInfo = present(other) ? new EdxmlDocument.OtherInfo(text(other.get("priority")),
                text(other.get("sphereOfPromulgation")), text(other.get("typerNotation")),
                text(other.get("promulgationAmount")), text(other.get("pageAmount")), text(other.get("direction")),
                texts(other.get("appendixes"))) : null;
        List<ResponseFor> responseFor = new ArrayList<>();
        JsonNode responses = m.get("responseFor");
        if (present(responses)) {
            for (int i = 0; i < responses.size(); i++) {
                responseFor.add(c.responseFor(responses.get(i), "/responseFor/" + i));
            }
        }
        JsonNode b = m.get("bussiness");
        EdxmlDocument.Bussiness bussiness = new EdxmlDocument.Bussiness(
                present(b) ? text(b.get("documentId")) : null,
                present(b) && present(b.get("bussinessDocType")) ? b.get("bussinessDocType").intValue() : 0,
                present(b) ? text(b.get("bussinessDocReason")) : null,
                present(b) ? text(b.get("paper")) : "0",
                present(b) ? staff(b.get("staffInfo")) : null,
                present(b) ? bussinessDocumentInfo(b.get("bussinessDocumentInfo")) : null,
                present(b) ? list(b.get("replacementInfoList"), r -> new EdxmlDocument.ReplacementInfo(
                        text(r.get("documentId")), texts(r.get("organIdList")))) : List.of());
        EdxmlDocument document = new EdxmlDocument(from, to, documentId, code,
                new EdxmlDocument.PromulgationInfo(text(m.at("/promulgationInfo/place")), promulgationDate),
                new EdxmlDocument.DocumentType(text(m.at("/documentType/type")), text(m.at("/documentType/typeDetail")),
                        text(m.at("/documentType/typeName"))),
                text(m.get("subject")), text(m.get("content")),
                new EdxmlDocument.SignerInfo(text(m.at("/signerInfo/competence")), text(m.at("/signerInfo/position")),
                        text(m.at("/signerInfo/fullName"))),
                c.date(m.get("dueDate"), "/dueDate"), texts(m.get("toPlaces")), otherInfo,
                text(m.get("steeringType")), responseFor,
                List.of(new TraceHeader(from.organId(), now.withNano(0))), bussiness, attachments, null, List.of());
        c.throwIfProblems();
        return document;
    }

    /** A status message from its JSON. */
    static EdxmlStatus status(JsonNode s, LocalDateTime now) {
        DocumentContract c = new DocumentContract();
        Organ from = Organ.of(text(s.at("/from/organId")), text(s.at("/from/organName")));
        ResponseFor responseFor = c.responseFor(s.get("responseFor"), "/responseFor");
        StatusCode code = StatusCode.fromCode(text(s.get("statusCode"))).orElseThrow();
        c.throwIfProblems();
        return EdxmlStatus.of(from, responseFor, staff(s.get("staffInfo")), code, text(s.get("description")),
                now.withNano(0));
    }

    private ResponseFor responseFor(JsonNode r, String path) {
        return new ResponseFor(text(r.get("organId")), text(r.get("code")),
                date(r.get("promulgationDate"), path + "/promulgationDate"), text(r.get("documentId")));
    }

    private LocalDate date(JsonNode node, String path) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(path, "'" + value + "' is not a real date (yyyy-MM-dd)"));
            return null;
        }
    }

    private void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidMessageException(problems);
        }
    }

    private static Organ organ(JsonNode o) {
        return new Organ(text(o.get("organId")), text(o.get("organizationInCharge")), text(o.get("organName")),
                text(o.get("organAdd")), text(o.get("email")), text(o.get("telephone")), text(o.get("fax")),
                text(o.get("website")));
    }

    private static EdxmlDocument.BussinessDocumentInfo bussinessDocumentInfo(JsonNode i) {
        return present(i) ? new EdxmlDocument.BussinessDocumentInfo(text(i.get("documentInfo")),
                text(i.get("documentReceiver")), list(i.get("receiverList"), r -> new EdxmlDocument.Receiver(
                        text(r.get("organId")), text(r.get("receiverType"))))) : null;
    }

    private static StaffInfo staff(JsonNode s) {
        return present(s) ? new StaffInfo(text(s.get("department")), text(s.get("staff")), text(s.get("mobile")),
                text(s.get("email"))) : null;
    }

    private static List<String> texts(JsonNode array) {
        return present(array) ? list(array, JsonNode::asText) : List.of();
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(item.apply(n)));
        return out;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    static String text(JsonNode node) {
        return present(node) ? node.asText() : null;
    }
}
