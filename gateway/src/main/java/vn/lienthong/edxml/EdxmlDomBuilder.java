package vn.lienthong.edxml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds the edXML DOM of a document or status message, in the QCVN 102 item order (1.1 From ... 1.14 DocumentId),
 * default namespace, indented. Attachment content is left empty: the serializer streams it from the files (or the
 * writer inlines it to sign the whole document). Absent values are left out.
 */
final class EdxmlDomBuilder {

    private final SecureXml xml;

    EdxmlDomBuilder(SecureXml xml) {
        this.xml = xml;
    }

    BuiltEdxml build(EdxmlMessage message) {
        Document doc = xml.newDocumentBuilder().newDocument();
        Element root = doc.createElementNS(EdxmlNames.NS, EdxmlNames.ROOT);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", EdxmlNames.NS);
        doc.appendChild(root);
        Element envelope = add(root, EdxmlNames.ENVELOPE);
        Element header = add(envelope, EdxmlNames.HEADER);
        Element messageHeader = add(header, EdxmlNames.MESSAGE_HEADER);
        Map<Element, EdxmlAttachment> contents = new LinkedHashMap<>();
        if (message instanceof EdxmlDocument d) {
            document(messageHeader, d);
            traceHeaderList(header, d.traceHeaders(), d.bussiness());
            Element manifest = add(add(envelope, EdxmlNames.BODY), EdxmlNames.MANIFEST);
            manifest.setAttribute("version", "1.0");
            Element encoded = d.attachments().isEmpty() ? null : add(root, EdxmlNames.ATTACHMENT_ENCODED);
            for (EdxmlAttachment a : d.attachments()) {
                Element reference = add(manifest, "Reference");
                text(reference, "ContentId", a.contentId());
                text(reference, "ContentType", a.contentType());
                text(reference, "Description", a.description());
                text(reference, "AttachmentName", a.name());
                Element attachment = add(encoded, EdxmlNames.ATTACHMENT);
                text(attachment, "ContentId", a.contentId());
                text(attachment, "AttachmentName", a.name());
                text(attachment, "Description", a.description());
                text(attachment, "ContentType", a.contentType());
                contents.put(add(attachment, EdxmlNames.CONTENT), a);
            }
        } else if (message instanceof EdxmlStatus s) {
            status(messageHeader, s);
            traceHeaderList(header, s.traceHeaders(), null);
        }
        indent(root, 0);
        return new BuiltEdxml(doc, contents);
    }

    private void document(Element h, EdxmlDocument d) {
        organ(h, "From", d.from());
        d.to().forEach(to -> organ(h, "To", to));
        if (d.code() != null) {
            Element code = add(h, "Code");
            text(code, "CodeNumber", d.code().codeNumber());
            text(code, "CodeNotation", d.code().codeNotation());
        }
        if (d.promulgationInfo() != null) {
            Element info = add(h, "PromulgationInfo");
            text(info, "Place", d.promulgationInfo().place());
            text(info, "PromulgationDate", date(d.promulgationInfo().promulgationDate()));
        }
        if (d.documentType() != null) {
            Element type = add(h, "DocumentType");
            text(type, "Type", d.documentType().type());
            text(type, "TypeDetail", d.documentType().typeDetail());
            text(type, "TypeName", d.documentType().typeName());
        }
        text(h, "Subject", d.subject());
        text(h, "Content", d.content());
        if (d.signerInfo() != null) {
            Element signer = add(h, "SignerInfo");
            text(signer, "Competence", d.signerInfo().competence());
            text(signer, "Position", d.signerInfo().position());
            text(signer, "FullName", d.signerInfo().fullName());
        }
        text(h, "DueDate", date(d.dueDate()));
        if (!d.toPlaces().isEmpty()) {
            Element places = add(h, "ToPlaces");
            d.toPlaces().forEach(p -> text(places, "Place", p));
        }
        if (d.otherInfo() != null) {
            otherInfo(h, d.otherInfo());
        }
        d.responseFor().forEach(r -> responseFor(h, r));
        text(h, "SteeringType", d.steeringType());
        text(h, "DocumentId", d.documentId());
    }

    private void status(Element h, EdxmlStatus s) {
        organ(h, "From", s.from());
        responseFor(h, s.responseFor());
        staffInfo(h, s.staffInfo());
        text(h, "StatusCode", s.statusCode() == null ? null : s.statusCode().code());
        text(h, "Description", s.description());
        text(h, "Timestamp", timestamp(s.timestamp()));
    }

    private void otherInfo(Element h, EdxmlDocument.OtherInfo o) {
        Element other = add(h, "OtherInfo");
        text(other, "Priority", o.priority());
        text(other, "SphereOfPromulgation", o.sphereOfPromulgation());
        text(other, "TyperNotation", o.typerNotation());
        text(other, "PromulgationAmount", o.promulgationAmount());
        text(other, "PageAmount", o.pageAmount());
        text(other, "Direction", o.direction());
        if (!o.appendixes().isEmpty()) {
            Element appendixes = add(other, "Appendixes");
            o.appendixes().forEach(a -> text(appendixes, "Appendix", a));
        }
    }

    private void traceHeaderList(Element header, List<TraceHeader> traces, EdxmlDocument.Bussiness bussiness) {
        if (traces.isEmpty() && bussiness == null) {
            return;
        }
        Element list = add(header, EdxmlNames.TRACE_HEADER_LIST);
        for (TraceHeader trace : traces) {
            Element t = add(list, "TraceHeader");
            text(t, "OrganId", trace.organId());
            text(t, "Timestamp", timestamp(trace.timestamp()));
        }
        if (bussiness != null) {
            Element b = add(list, "Bussiness");
            text(b, "DocumentId", bussiness.documentId());
            text(b, "BussinessDocType", String.valueOf(bussiness.bussinessDocType()));
            text(b, "BussinessDocReason", bussiness.bussinessDocReason());
            text(b, "Paper", bussiness.paper());
            staffInfo(b, bussiness.staffInfo());
            bussinessDocumentInfo(b, bussiness.bussinessDocumentInfo());
            if (!bussiness.replacementInfoList().isEmpty()) {
                Element replacements = add(b, "ReplacementInfoList");
                for (EdxmlDocument.ReplacementInfo r : bussiness.replacementInfoList()) {
                    Element info = add(replacements, "ReplacementInfo");
                    text(info, "DocumentId", r.documentId());
                    Element organs = add(info, "OrganIdList");
                    r.organIdList().forEach(id -> text(organs, "OrganId", id));
                }
            }
        }
    }

    private void bussinessDocumentInfo(Element parent, EdxmlDocument.BussinessDocumentInfo info) {
        if (info == null) {
            return;
        }
        Element e = add(parent, "BussinessDocumentInfo");
        text(e, "DocumentInfo", info.documentInfo());
        text(e, "DocumentReceiver", info.documentReceiver());
        if (!info.receiverList().isEmpty()) {
            Element list = add(e, "ReceiverList");
            for (EdxmlDocument.Receiver r : info.receiverList()) {
                Element receiver = add(list, "Receiver");
                text(receiver, "ReceiverType", r.receiverType());
                text(receiver, "OrganId", r.organId());
            }
        }
    }

    private void organ(Element parent, String name, Organ organ) {
        if (organ == null) {
            return;
        }
        Element e = add(parent, name);
        text(e, "OrganId", organ.organId());
        text(e, "OrganizationInCharge", organ.organizationInCharge());
        text(e, "OrganName", organ.organName());
        text(e, "OrganAdd", organ.organAdd());
        text(e, "Email", organ.email());
        text(e, "Telephone", organ.telephone());
        text(e, "Fax", organ.fax());
        text(e, "Website", organ.website());
    }

    private void responseFor(Element parent, ResponseFor r) {
        if (r == null) {
            return;
        }
        Element e = add(parent, "ResponseFor");
        text(e, "OrganId", r.organId());
        text(e, "Code", r.code());
        text(e, "PromulgationDate", date(r.promulgationDate()));
        text(e, "DocumentId", r.documentId());
    }

    private void staffInfo(Element parent, StaffInfo s) {
        if (s == null) {
            return;
        }
        Element e = add(parent, "StaffInfo");
        text(e, "Department", s.department());
        text(e, "Staff", s.staff());
        text(e, "Mobile", s.mobile());
        text(e, "Email", s.email());
    }

    private static Element add(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(EdxmlNames.NS, name);
        parent.appendChild(e);
        return e;
    }

    private static void text(Element parent, String name, String value) {
        if (value != null) {
            add(parent, name).setTextContent(XmlText.clean(name, value));
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : EdxmlDates.DATE.format(date);
    }

    private static String timestamp(LocalDateTime time) {
        return time == null ? null : EdxmlDates.TIMESTAMP.format(time);
    }

    /** Line breaks and two-space indents between elements that hold only elements. */
    private static void indent(Element element, int depth) {
        boolean onlyElements = element.getFirstChild() != null;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            onlyElements &= n instanceof Element;
        }
        if (!onlyElements) {
            return;
        }
        Document doc = element.getOwnerDocument();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            indent((Element) n, depth + 1);
            element.insertBefore(doc.createTextNode("\n" + "  ".repeat(depth + 1)), n);
        }
        element.appendChild(doc.createTextNode("\n" + "  ".repeat(depth)));
    }
}
