package vn.lienthong.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StaffInfo;

/**
 * A received edXML message as the gateway's canonical JSON: the document contract's names
 * ({@code mappings/documents/}), dates as {@code yyyy-MM-dd}, absent values left out. Mappings in
 * {@code mappings/eoffice/} shape it for the e-office.
 */
final class DocumentJson {

    private DocumentJson() {
    }

    static Map<String, Object> document(EdxmlDocument d) {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "documentId", d.documentId());
        json.put("from", organ(d.from()));
        json.put("to", d.to().stream().map(DocumentJson::organ).toList());
        if (d.code() != null) {
            json.put("code", object("codeNumber", d.code().codeNumber(), "codeNotation", d.code().codeNotation()));
        }
        if (d.promulgationInfo() != null) {
            json.put("promulgationInfo", object("place", d.promulgationInfo().place(), "promulgationDate",
                    date(d.promulgationInfo().promulgationDate())));
        }
        if (d.documentType() != null) {
            json.put("documentType", object("type", d.documentType().type(), "typeDetail",
                    d.documentType().typeDetail(), "typeName", d.documentType().typeName()));
        }
        put(json, "subject", d.subject());
        put(json, "content", d.content());
        if (d.signerInfo() != null) {
            json.put("signerInfo", object("competence", d.signerInfo().competence(), "position",
                    d.signerInfo().position(), "fullName", d.signerInfo().fullName()));
        }
        put(json, "dueDate", date(d.dueDate()));
        if (!d.toPlaces().isEmpty()) {
            json.put("toPlaces", d.toPlaces());
        }
        if (d.otherInfo() != null) {
            EdxmlDocument.OtherInfo o = d.otherInfo();
            Map<String, Object> other = object("priority", o.priority(), "sphereOfPromulgation",
                    o.sphereOfPromulgation(), "typerNotation", o.typerNotation(), "promulgationAmount",
                    o.promulgationAmount(), "pageAmount", o.pageAmount(), "direction", o.direction());
            if (!o.appendixes().isEmpty()) {
                other.put("appendixes", o.appendixes());
            }
            json.put("otherInfo", other);
        }
        put(json, "steeringType", d.steeringType());
        if (!d.responseFor().isEmpty()) {
            json.put("responseFor", d.responseFor().stream().map(DocumentJson::responseFor).toList());
        }
        if (d.bussiness() != null) {
            EdxmlDocument.Bussiness b = d.bussiness();
            Map<String, Object> bussiness = object("documentId", b.documentId(), "bussinessDocReason",
                    b.bussinessDocReason(), "paper", b.paper());
            bussiness.put("bussinessDocType", b.bussinessDocType());
            if (b.staffInfo() != null) {
                bussiness.put("staffInfo", staff(b.staffInfo()));
            }
            if (b.bussinessDocumentInfo() != null) {
                EdxmlDocument.BussinessDocumentInfo info = b.bussinessDocumentInfo();
                Map<String, Object> documentInfo = object("documentInfo", info.documentInfo(), "documentReceiver",
                        info.documentReceiver());
                documentInfo.put("receiverList", info.receiverList().stream()
                        .map(r -> object("organId", r.organId(), "receiverType", r.receiverType())).toList());
                bussiness.put("bussinessDocumentInfo", documentInfo);
            }
            if (!b.replacementInfoList().isEmpty()) {
                bussiness.put("replacementInfoList", b.replacementInfoList().stream().map(r -> {
                    Map<String, Object> replacement = object("documentId", r.documentId());
                    replacement.put("organIdList", r.organIdList());
                    return replacement;
                }).toList());
            }
            json.put("bussiness", bussiness);
        }
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (EdxmlAttachment a : d.attachments()) {
            Map<String, Object> attachment = object("name", a.name(), "contentType", a.contentType(), "description",
                    a.description(), "sha256", a.sha256());
            attachment.put("size", a.size());
            attachments.add(attachment);
        }
        json.put("attachments", attachments);
        json.put("signature", IncomingDocuments.signature(d.signature()));
        return json;
    }

    static Map<String, Object> status(EdxmlStatus s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", organ(s.from()));
        json.put("responseFor", responseFor(s.responseFor()));
        json.put("statusCode", s.statusCode().code());
        put(json, "description", s.description());
        if (s.staffInfo() != null) {
            json.put("staffInfo", staff(s.staffInfo()));
        }
        put(json, "timestamp", s.timestamp() == null ? null : s.timestamp().toString());
        json.put("signature", IncomingDocuments.signature(s.signature()));
        return json;
    }

    private static Map<String, Object> organ(Organ o) {
        return object("organId", o.organId(), "organName", o.organName(), "organizationInCharge",
                o.organizationInCharge(), "organAdd", o.organAdd(), "email", o.email(), "telephone", o.telephone(),
                "fax", o.fax(), "website", o.website());
    }

    private static Map<String, Object> responseFor(ResponseFor r) {
        return object("organId", r.organId(), "code", r.code(), "promulgationDate", date(r.promulgationDate()),
                "documentId", r.documentId());
    }

    private static Map<String, Object> staff(StaffInfo s) {
        return object("department", s.department(), "staff", s.staff(), "mobile", s.mobile(), "email", s.email());
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            put(json, (String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    private static void put(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
