package vn.lienthong.edxml;

import static vn.lienthong.edxml.EdxmlNames.ATTACHMENT;
import static vn.lienthong.edxml.EdxmlNames.ATTACHMENT_ENCODED;
import static vn.lienthong.edxml.EdxmlNames.BODY;
import static vn.lienthong.edxml.EdxmlNames.CONTENT;
import static vn.lienthong.edxml.EdxmlNames.ENVELOPE;
import static vn.lienthong.edxml.EdxmlNames.HEADER;
import static vn.lienthong.edxml.EdxmlNames.MANIFEST;
import static vn.lienthong.edxml.EdxmlNames.MESSAGE_HEADER;
import static vn.lienthong.edxml.EdxmlNames.TRACE_HEADER_LIST;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.contract.Problem;

/** The checked DOM as records. Runs only after the schema and business checks passed, so values parse. */
final class EdxmlMapper {

    EdxmlMessage toMessage(ParsedEdxml parsed, SignatureCheck signature, List<Problem> warnings) {
        Document doc = parsed.skeleton();
        Element h = Dom.path(doc, ENVELOPE, HEADER, MESSAGE_HEADER).orElseThrow();
        List<TraceHeader> traces = new ArrayList<>();
        Element traceList = Dom.path(doc, ENVELOPE, HEADER, TRACE_HEADER_LIST).orElse(null);
        Dom.children(traceList, "TraceHeader").forEach(t -> traces.add(new TraceHeader(Dom.childText(t, "OrganId"),
                EdxmlDates.timestamp(Dom.childText(t, "Timestamp")))));
        if (EdxmlChecks.kindOf(doc) == EdxmlKind.STATUS) {
            return new EdxmlStatus(organ(Dom.child(h, "From").orElseThrow()),
                    responseFor(Dom.child(h, "ResponseFor").orElseThrow()),
                    Dom.child(h, "StaffInfo").map(EdxmlMapper::staffInfo).orElse(null),
                    StatusCode.fromCode(Dom.childText(h, "StatusCode")).orElseThrow(),
                    Dom.childText(h, "Description"), EdxmlDates.timestamp(Dom.childText(h, "Timestamp")),
                    traces, signature, warnings);
        }
        return new EdxmlDocument(
                organ(Dom.child(h, "From").orElseThrow()),
                Dom.children(h, "To").stream().map(EdxmlMapper::organ).toList(),
                Dom.childText(h, "DocumentId"),
                Dom.child(h, "Code").map(c -> new EdxmlDocument.Code(Dom.childText(c, "CodeNumber"),
                        Dom.childText(c, "CodeNotation"))).orElse(null),
                Dom.child(h, "PromulgationInfo").map(p -> new EdxmlDocument.PromulgationInfo(Dom.childText(p, "Place"),
                        EdxmlDates.date(Dom.childText(p, "PromulgationDate")))).orElse(null),
                Dom.child(h, "DocumentType").map(t -> new EdxmlDocument.DocumentType(Dom.childText(t, "Type"),
                        Dom.childText(t, "TypeDetail"), Dom.childText(t, "TypeName"))).orElse(null),
                Dom.childText(h, "Subject"),
                Dom.childText(h, "Content"),
                Dom.child(h, "SignerInfo").map(s -> new EdxmlDocument.SignerInfo(Dom.childText(s, "Competence"),
                        Dom.childText(s, "Position"), Dom.childText(s, "FullName"))).orElse(null),
                EdxmlDates.date(Dom.childText(h, "DueDate")),
                Dom.child(h, "ToPlaces").map(p -> texts(p, "Place")).orElse(List.of()),
                Dom.child(h, "OtherInfo").map(EdxmlMapper::otherInfo).orElse(null),
                Dom.childText(h, "SteeringType"),
                Dom.children(h, "ResponseFor").stream().filter(r -> !EdxmlChecks.isEmpty(r))
                        .map(EdxmlMapper::responseFor).toList(),
                traces,
                Dom.child(traceList, "Bussiness").map(EdxmlMapper::bussiness).orElse(null),
                attachments(parsed),
                signature,
                warnings);
    }

    private static Organ organ(Element e) {
        return new Organ(Dom.childText(e, "OrganId"), Dom.childText(e, "OrganizationInCharge"),
                Dom.childText(e, "OrganName"), Dom.childText(e, "OrganAdd"), Dom.childText(e, "Email"),
                Dom.childText(e, "Telephone"), Dom.childText(e, "Fax"), Dom.childText(e, "Website"));
    }

    private static ResponseFor responseFor(Element e) {
        return new ResponseFor(Dom.childText(e, "OrganId"), Dom.childText(e, "Code"),
                EdxmlDates.date(Dom.childText(e, "PromulgationDate")), Dom.childText(e, "DocumentId"));
    }

    private static StaffInfo staffInfo(Element e) {
        return new StaffInfo(Dom.childText(e, "Department"), Dom.childText(e, "Staff"), Dom.childText(e, "Mobile"),
                Dom.childText(e, "Email"));
    }

    private static EdxmlDocument.OtherInfo otherInfo(Element e) {
        return new EdxmlDocument.OtherInfo(Dom.childText(e, "Priority"), Dom.childText(e, "SphereOfPromulgation"),
                Dom.childText(e, "TyperNotation"), Dom.childText(e, "PromulgationAmount"),
                Dom.childText(e, "PageAmount"), Dom.childText(e, "Direction"),
                Dom.child(e, "Appendixes").map(a -> texts(a, "Appendix")).orElse(List.of()));
    }

    private static EdxmlDocument.Bussiness bussiness(Element e) {
        return new EdxmlDocument.Bussiness(Dom.childText(e, "DocumentId"),
                Integer.parseInt(Dom.childText(e, "BussinessDocType")), Dom.childText(e, "BussinessDocReason"),
                Dom.childText(e, "Paper"), Dom.child(e, "StaffInfo").map(EdxmlMapper::staffInfo).orElse(null),
                Dom.child(e, "BussinessDocumentInfo").map(EdxmlMapper::bussinessDocumentInfo).orElse(null),
                Dom.child(e, "ReplacementInfoList").map(list -> Dom.children(list, "ReplacementInfo").stream()
                        .map(r -> new EdxmlDocument.ReplacementInfo(Dom.childText(r, "DocumentId"),
                                Dom.child(r, "OrganIdList").map(o -> texts(o, "OrganId")).orElse(List.of())))
                        .toList()).orElse(List.of()));
    }

    private static EdxmlDocument.BussinessDocumentInfo bussinessDocumentInfo(Element e) {
        return new EdxmlDocument.BussinessDocumentInfo(Dom.childText(e, "DocumentInfo"),
                Dom.childText(e, "DocumentReceiver"), Dom.child(e, "ReceiverList")
                .map(list -> Dom.children(list, "Receiver").stream().map(r -> new EdxmlDocument.Receiver(
                        Dom.childText(r, "OrganId"), Dom.childText(r, "ReceiverType"))).toList())
                .orElse(List.of()));
    }

    private static List<String> texts(Element parent, String name) {
        return Dom.children(parent, name).stream().map(Dom::text).filter(t -> t != null).toList();
    }

    /** Name, type and description come from the manifest Reference (always signed), else from the Attachment. */
    private static List<EdxmlAttachment> attachments(ParsedEdxml parsed) {
        Document doc = parsed.skeleton();
        Map<String, Element> references = new HashMap<>();
        Dom.path(doc, ENVELOPE, BODY, MANIFEST).ifPresent(m -> Dom.children(m, "Reference")
                .forEach(r -> references.put(ContentIds.normalize(Dom.childText(r, "ContentId")), r)));
        List<EdxmlAttachment> result = new ArrayList<>();
        Element encoded = Dom.child(doc.getDocumentElement(), ATTACHMENT_ENCODED).orElse(null);
        for (Element attachment : Dom.children(encoded, ATTACHMENT)) {
            String contentId = Dom.childText(attachment, "ContentId");
            Element reference = references.get(ContentIds.normalize(contentId));
            SpooledContent content = parsed.contents().get(Dom.child(attachment, CONTENT).orElseThrow());
            result.add(new EdxmlAttachment(contentId,
                    HeaderValues.fileName(either(reference, attachment, "AttachmentName")),
                    either(reference, attachment, "ContentType"), either(reference, attachment, "Description"),
                    content.file(), content.size(), content.sha256()));
        }
        return result;
    }

    private static String either(Element first, Element second, String name) {
        String value = first == null ? null : Dom.childText(first, name);
        return value != null ? value : Dom.childText(second, name);
    }
}
