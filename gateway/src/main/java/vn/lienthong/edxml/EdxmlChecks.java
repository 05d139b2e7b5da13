package vn.lienthong.edxml;

import static vn.lienthong.edxml.EdxmlNames.ATTACHMENT;
import static vn.lienthong.edxml.EdxmlNames.ATTACHMENT_ENCODED;
import static vn.lienthong.edxml.EdxmlNames.BODY;
import static vn.lienthong.edxml.EdxmlNames.ENVELOPE;
import static vn.lienthong.edxml.EdxmlNames.HEADER;
import static vn.lienthong.edxml.EdxmlNames.MANIFEST;
import static vn.lienthong.edxml.EdxmlNames.MESSAGE_HEADER;
import static vn.lienthong.edxml.EdxmlNames.TRACE_HEADER_LIST;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The business rules of QCVN 102 that a schema cannot say, over the parsed document; every problem is collected:
 * which MessageHeader parts a document or status message needs and how often, organ ids, dates, DocumentId form,
 * StatusCode, BussinessDocType, and that manifest References and Attachments match one to one by ContentId.
 */
final class EdxmlChecks {

    private static final Pattern UUID_FORM = Pattern.compile(
            "(?i)\\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}?");

    private static final List<String> DOCUMENT_REQUIRED =
            List.of("From", "Code", "PromulgationInfo", "DocumentType", "Subject");
    private static final List<String> DOCUMENT_AT_MOST_ONCE =
            List.of("DocumentId", "Content", "SignerInfo", "DueDate", "ToPlaces", "OtherInfo", "SteeringType");
    private static final List<String> STATUS_ONLY = List.of("StaffInfo", "StatusCode", "Description", "Timestamp");
    private static final List<String> STATUS_REQUIRED = List.of("From", "ResponseFor", "StatusCode", "Timestamp");
    private static final List<String> STATUS_AT_MOST_ONCE = List.of("StaffInfo", "Description");
    private static final List<String> DOCUMENT_ONLY = List.of("To", "Code", "PromulgationInfo", "DocumentType",
            "Subject", "Content", "SignerInfo", "DueDate", "ToPlaces", "OtherInfo", "SteeringType", "DocumentId");

    static EdxmlKind kindOf(Document doc) {
        return Dom.path(doc, ENVELOPE, HEADER, MESSAGE_HEADER)
                .flatMap(h -> Dom.child(h, "StatusCode")).isPresent() ? EdxmlKind.STATUS : EdxmlKind.DOCUMENT;
    }

    Findings check(Document doc) {
        Findings found = new Findings();
        Optional<Element> header = Dom.path(doc, ENVELOPE, HEADER, MESSAGE_HEADER);
        if (header.isEmpty()) {
            return found; // the schema reports the missing structure
        }
        EdxmlKind kind = kindOf(doc);
        Element h = header.get();
        if (kind == EdxmlKind.STATUS) {
            checkStatusParts(h, found);
        } else {
            checkDocumentParts(h, found);
        }
        Dom.children(h, "From").forEach(e -> organId(e, found));
        Dom.children(h, "To").forEach(e -> organId(e, found));
        for (Element responseFor : Dom.children(h, "ResponseFor")) {
            responseFor(responseFor, kind, found);
        }
        Dom.children(h, "PromulgationInfo").forEach(e -> requiredDate(e, "PromulgationDate", found));
        Dom.children(h, "DueDate").forEach(e -> date(e, found));
        Dom.children(h, "DocumentId").forEach(e -> documentId(e, false, found));
        Dom.path(doc, ENVELOPE, HEADER).ifPresent(edxmlHeader -> Dom.children(edxmlHeader, EdxmlNames.SIGNATURE).forEach(
                placeholder -> found.warning(XmlPaths.of(placeholder), "an edXML-namespace Signature"
                        + placeholderValue(placeholder) + " is the axis SDK's placeholder, not an XML-DSig signature: "
                        + "read as no XML-DSig signature")));
        Dom.children(h, "StatusCode").forEach(e -> statusCode(e, found));
        Dom.children(h, "Timestamp").forEach(e -> timestamp(e, found));
        Dom.path(doc, ENVELOPE, HEADER, TRACE_HEADER_LIST).ifPresent(list -> traceHeaderList(list, found));
        if (kind == EdxmlKind.STATUS) {
            Dom.child(doc.getDocumentElement(), ATTACHMENT_ENCODED)
                    .filter(a -> !Dom.children(a, ATTACHMENT).isEmpty())
                    .ifPresent(a -> found.error(XmlPaths.of(a), "a status message carries no attachments"));
        } else {
            manifestAgainstAttachments(doc, found);
        }
        return found;
    }

    private static void checkDocumentParts(Element h, Findings found) {
        for (String name : DOCUMENT_REQUIRED) {
            count(h, name, 1, 1, "a document", found);
        }
        count(h, "To", 1, Integer.MAX_VALUE, "a document", found);
        for (String name : DOCUMENT_AT_MOST_ONCE) {
            count(h, name, 0, 1, "a document", found);
        }
        for (String name : STATUS_ONLY) {
            Dom.children(h, name).forEach(e -> found.error(XmlPaths.of(e), "belongs to a status message, not to a "
                    + "document (a status message is told apart by its StatusCode)"));
        }
    }

    private static void checkStatusParts(Element h, Findings found) {
        for (String name : STATUS_REQUIRED) {
            count(h, name, 1, 1, "a status message", found);
        }
        for (String name : STATUS_AT_MOST_ONCE) {
            count(h, name, 0, 1, "a status message", found);
        }
        for (String name : DOCUMENT_ONLY) {
            Dom.children(h, name).forEach(e -> found.error(XmlPaths.of(e), "belongs to a document, not to a status "
                    + "message"));
        }
    }

    private static void count(Element h, String name, int min, int max, String kind, Findings found) {
        List<Element> present = Dom.children(h, name);
        if (present.size() < min) {
            found.error(XmlPaths.child(h, name), "is required in " + kind);
        }
        for (int i = max; i < present.size(); i++) {
            found.error(XmlPaths.of(present.get(i)), "appears " + present.size() + " times; " + kind
                    + " has at most " + max);
        }
    }

    /** True when an element has no text anywhere in it: {@code <ResponseFor/>} or one with empty children. */
    static boolean isEmpty(Element element) {
        return element.getTextContent().isBlank();
    }

    /** Empty = absent (a warning), except in a status message, which must say which document it is about. */
    private static void responseFor(Element responseFor, EdxmlKind kind, Findings found) {
        String path = XmlPaths.of(responseFor);
        if (isEmpty(responseFor)) {
            if (kind == EdxmlKind.STATUS) {
                found.error(path, "is empty; a status message says which document it is about (OrganId, DocumentId)");
            } else {
                found.warning(path, "is empty (or has only empty children): read as absent");
            }
            return;
        }
        if (Dom.childText(responseFor, "OrganId") == null) {
            found.error(XmlPaths.child(responseFor, "OrganId"), "is required in a ResponseFor that names a document");
        } else {
            organId(responseFor, found);
        }
        optionalDate(responseFor, "PromulgationDate", found);
        Dom.child(responseFor, "DocumentId").ifPresent(e -> documentId(e, true, found));
    }

    private static String placeholderValue(Element placeholder) {
        String value = Dom.text(placeholder);
        return value == null ? "" : " ('" + (value.length() > 40 ? value.substring(0, 40) + "...'" : value + "'")
                + ")";
    }

    private static void organId(Element parent, Findings found) {
        Optional<Element> element = Dom.child(parent, "OrganId");
        if (element.isEmpty()) {
            return; // the schema reports a missing OrganId
        }
        String path = XmlPaths.of(element.get());
        String value = Dom.text(element.get());
        if (value == null) {
            found.error(path, "is empty; an organ id (" + OrganIds.PATTERN_TEXT + ") is required");
            return;
        }
        switch (OrganIds.classify(value)) {
            case ODD -> found.warning(path, "'" + value + "' does not follow the organ id pattern "
                    + OrganIds.PATTERN_TEXT + "; accepted");
            case INVALID -> found.error(path, "'" + value + "' is not an organ id (" + OrganIds.PATTERN_TEXT + ")");
            default -> {
            }
        }
    }

    private static void requiredDate(Element parent, String name, Findings found) {
        Dom.child(parent, name).ifPresent(e -> {
            if (Dom.text(e) == null) {
                found.error(XmlPaths.of(e), "is empty; a date yyyy/MM/dd is required");
            } else {
                date(e, found);
            }
        });
    }

    private static void optionalDate(Element parent, String name, Findings found) {
        Dom.child(parent, name).ifPresent(e -> date(e, found));
    }

    private static void date(Element e, Findings found) {
        String value = Dom.text(e);
        String problem = value == null ? null : EdxmlDates.dateProblem(value);
        if (problem != null) {
            found.error(XmlPaths.of(e), problem);
        }
    }

    private static void timestamp(Element e, Findings found) {
        String value = Dom.text(e);
        String problem = value == null ? "is empty; a time yyyy/MM/dd HH:mm:ss is required"
                : EdxmlDates.timestampProblem(value);
        if (problem != null) {
            found.error(XmlPaths.of(e), problem);
        }
    }

    private static void statusCode(Element e, Findings found) {
        String value = Dom.text(e);
        if (value == null || StatusCode.fromCode(value).isEmpty()) {
            found.error(XmlPaths.of(e), "'" + (value == null ? "" : value)
                    + "' is not a status code (01, 02, 03, 04, 05, 06, 13, 15, 16)");
        }
    }

    /**
     * DocumentId is {@code OrganId,yyyy/MM/dd,Number/Notation}, e.g. {@code 000.00.00.H31,2025/07/01,12/QĐ-UBND}.
     * Accepted with a warning: a UUID (files stored by the axis use them) and, in a {@code referenced} id (the
     * document a ResponseFor or Bussiness acts on), an impossible date: the id only has to match what its sender
     * wrote, and refusing it would block the update or revoke of a document already sent that way.
     */
    private static void documentId(Element e, boolean referenced, Findings found) {
        String value = Dom.text(e);
        if (value == null) {
            return; // an empty optional DocumentId is treated as absent
        }
        String path = XmlPaths.of(e);
        if (UUID_FORM.matcher(value).matches()) {
            found.warning(path, "'" + value + "' is a UUID, not OrganId,yyyy/MM/dd,Number/Notation; accepted");
            return;
        }
        String form = "; a DocumentId is OrganId,yyyy/MM/dd,Number/Notation (e.g. 000.00.00.H31,2025/07/01,12/QĐ-UBND)";
        String[] parts = value.split(",", 3);
        if (parts.length != 3) {
            found.error(path, "'" + value + "' does not have three comma-separated parts" + form);
            return;
        }
        String organ = parts[0].strip();
        String number = parts[2].strip();
        switch (OrganIds.classify(organ)) {
            case ODD -> found.warning(path, "the organ id '" + organ + "' in '" + value
                    + "' does not follow the pattern " + OrganIds.PATTERN_TEXT + "; accepted");
            case INVALID -> found.error(path, "'" + organ + "' in '" + value + "' is not an organ id" + form);
            default -> {
            }
        }
        if (EdxmlDates.dateProblem(parts[1].strip()) != null) {
            if (referenced) {
                found.warning(path, "'" + parts[1].strip() + "' in '" + value + "' is not a real date yyyy/MM/dd; "
                        + "accepted in the id of the document referred to, kept as written");
            } else {
                found.error(path, "'" + parts[1].strip() + "' in '" + value + "' is not a real date yyyy/MM/dd"
                        + form);
            }
        }
        int slash = number.indexOf('/');
        if (slash <= 0 || slash == number.length() - 1) {
            found.error(path, "'" + number + "' in '" + value + "' is not Number/Notation" + form);
        }
    }

    private static void traceHeaderList(Element list, Findings found) {
        for (Element trace : Dom.children(list, "TraceHeader")) {
            if (Dom.childText(trace, "OrganId") == null) {
                found.warning(XmlPaths.of(trace), "has only a Timestamp (no OrganId); accepted");
            } else {
                organId(trace, found);
            }
            Dom.child(trace, "Timestamp").ifPresent(t -> timestamp(t, found));
        }
        List<Element> bussiness = Dom.children(list, "Bussiness");
        for (int i = 1; i < bussiness.size(); i++) {
            found.error(XmlPaths.of(bussiness.get(i)), "appears " + bussiness.size() + " times; at most once");
        }
        for (Element b : bussiness) {
            Dom.child(b, "BussinessDocType").ifPresent(t -> {
                String value = Dom.text(t);
                if (value == null || !value.matches("[0-3]")) {
                    found.error(XmlPaths.of(t), "'" + (value == null ? "" : value)
                            + "' is not a BussinessDocType (0 new, 1 revoke, 2 update, 3 replace)");
                }
            });
            Dom.child(b, "DocumentId").ifPresent(d -> documentId(d, true, found));
        }
    }

    private static void manifestAgainstAttachments(Document doc, Findings found) {
        List<Element> references = Dom.path(doc, ENVELOPE, BODY, MANIFEST)
                .map(m -> Dom.children(m, "Reference")).orElse(List.of());
        List<Element> attachments = Dom.child(doc.getDocumentElement(), ATTACHMENT_ENCODED)
                .map(a -> Dom.children(a, ATTACHMENT)).orElse(List.of());
        references.forEach(r -> headerValues(r, found));
        attachments.forEach(a -> headerValues(a, found));
        Map<String, Element> referenced = byContentId(references, "Reference", found);
        Map<String, Element> attached = byContentId(attachments, "Attachment", found);
        referenced.forEach((id, contentId) -> {
            if (!attached.containsKey(id)) {
                found.error(XmlPaths.of(contentId), "the manifest Reference '" + id
                        + "' has no Attachment with that ContentId");
            }
        });
        attached.forEach((id, contentId) -> {
            if (!referenced.containsKey(id)) {
                found.error(XmlPaths.of(contentId), "the Attachment '" + id
                        + "' is not listed in edXMLManifest (no Reference with that ContentId)");
            }
        });
    }

    /** ContentType and AttachmentName go into multipart headers: no control characters, no path in a file name. */
    private static void headerValues(Element holder, Findings found) {
        for (String name : List.of("ContentType", "AttachmentName")) {
            Dom.child(holder, name).ifPresent(e -> {
                String value = Dom.text(e);
                String problem = HeaderValues.controlProblem(value);
                if (problem != null) {
                    found.error(XmlPaths.of(e), problem);
                } else if (name.equals("AttachmentName") && value != null
                        && !value.equals(HeaderValues.fileName(value))) {
                    String base = HeaderValues.fileName(value);
                    if (base.isBlank()) {
                        found.error(XmlPaths.of(e), "'" + value + "' is a path, not a file name");
                    } else {
                        found.warning(XmlPaths.of(e), "'" + value + "' has path parts: passed on as '" + base + "'");
                    }
                }
            });
        }
    }

    /** ContentId element by normalized id; empty and repeated ids are errors. */
    private static Map<String, Element> byContentId(List<Element> holders, String what, Findings found) {
        Map<String, Element> byId = new LinkedHashMap<>();
        for (Element holder : holders) {
            Optional<Element> contentId = Dom.child(holder, "ContentId");
            if (contentId.isEmpty()) {
                continue; // the schema reports it
            }
            String id = ContentIds.normalize(Dom.text(contentId.get()));
            if (id == null || id.isEmpty()) {
                found.error(XmlPaths.of(contentId.get()), "is empty");
            } else if (byId.putIfAbsent(id, contentId.get()) != null) {
                found.error(XmlPaths.of(contentId.get()), "ContentId '" + id + "' is used by more than one " + what);
            }
        }
        return byId;
    }
}
