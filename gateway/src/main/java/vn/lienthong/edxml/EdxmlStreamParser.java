package vn.lienthong.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.lienthong.contract.Problem;

/**
 * Reads an edXML file in one StAX pass. Everything except attachment content becomes a small DOM (the "skeleton",
 * capped at maxEnvelopeChars); the base64 text of each {@code Attachment/ContentTransferEncoded} goes straight through
 * a {@link Base64SpoolSink} to disk. The root must be {@code edXML} in the QCVN 102 namespace: a file that is not is
 * refused before any attachment is read.
 */
final class EdxmlStreamParser {

    /** Each element counts as this many characters against the envelope limit: millions of {@code <Place/>} cost too. */
    private static final int ELEMENT_COST = 32;

    private final SecureXml xml;
    private final AttachmentSpool spool;
    private final long maxEnvelopeChars;
    private final int maxAttachments;

    EdxmlStreamParser(SecureXml xml, AttachmentSpool spool, long maxEnvelopeChars, int maxAttachments) {
        this.xml = xml;
        this.spool = spool;
        this.maxEnvelopeChars = maxEnvelopeChars;
        this.maxAttachments = maxAttachments;
    }

    /** @param keepEncodedText also keep each attachment's base64 text as written ({@link SpooledContent#encodedText()}) */
    ParsedEdxml parse(InputStream raw, boolean keepEncodedText) {
        Document doc = xml.newDocumentBuilder().newDocument();
        Map<Element, SpooledContent> contents = new IdentityHashMap<>();
        Map<Element, String> failures = new LinkedHashMap<>(); // paths are known once all siblings are read
        List<Problem> warnings = new ArrayList<>();
        Node current = doc;
        Base64SpoolSink sink = null;
        long kept = 0;
        try {
            LeadingBytes.Skipped start = LeadingBytes.skip(raw);
            start.warning().ifPresent(warnings::add);
            XMLStreamReader reader = xml.newXmlStreamReader(start.stream());
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (current == doc) {
                            checkRoot(reader);
                        }
                        Element element = element(doc, reader);
                        kept += ELEMENT_COST + reader.getLocalName().length() + attributeChars(reader);
                        current.appendChild(element);
                        current = element;
                        if (isAttachmentContent(element)) {
                            if (contents.size() >= maxAttachments) {
                                throw EdxmlRejectedException.of(XmlPaths.of(element),
                                        "more than " + maxAttachments + " attachments");
                            }
                            sink = spool.open(keepEncodedText);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (sink != null && isAttachmentContent(current)) {
                            SpooledContent content = sink.finish();
                            if (content == null) {
                                failures.put((Element) current, sink.failure());
                            } else {
                                contents.put((Element) current, content);
                            }
                            sink = null;
                        }
                        current = current.getParentNode();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (sink != null && isAttachmentContent(current)) {
                            sink.write(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        } else if (current != doc) {
                            kept += reader.getTextLength();
                            appendText(current, reader.getText());
                        }
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        kept += String.valueOf(reader.getPIData()).length();
                        current.appendChild(doc.createProcessingInstruction(reader.getPITarget(),
                                reader.getPIData() == null ? "" : reader.getPIData()));
                    }
                    default -> {
                        // comments are dropped: no canonicalisation used by edXML signatures includes them
                    }
                }
                if (kept > maxEnvelopeChars) {
                    throw EdxmlRejectedException.of(XmlPaths.of(current), "the document outside attachment content "
                            + "is larger than the limit of " + maxEnvelopeChars + " characters");
                }
            }
            reader.close();
            List<Problem> problems = new ArrayList<>();
            failures.forEach((element, reason) -> problems.add(new Problem(XmlPaths.of(element), reason)));
            return new ParsedEdxml(doc, contents, problems, warnings);
        } catch (XMLStreamException e) {
            cleanUp(sink, contents);
            throw EdxmlRejectedException.of(XmlPaths.of(current), XmlProblems.describe(e));
        } catch (IOException e) {
            cleanUp(sink, contents);
            if (e instanceof XmlSizeLimitException) {
                throw EdxmlRejectedException.of("/", e.getMessage());
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cleanUp(sink, contents);
            throw e;
        }
    }

    private static void checkRoot(XMLStreamReader reader) {
        String ns = reader.getNamespaceURI();
        String name = reader.getLocalName();
        if (!EdxmlNames.ROOT.equals(name)) {
            throw EdxmlRejectedException.of("/" + name, "the root element is '" + name + "'; an edXML file starts "
                    + "with edXML in namespace " + EdxmlNames.NS);
        }
        if (!EdxmlNames.NS.equals(ns)) {
            throw EdxmlRejectedException.of("/edXML", (ns == null || ns.isEmpty() ? "edXML has no namespace"
                    : "edXML is in namespace '" + ns + "'") + "; QCVN 102:2016 requires " + EdxmlNames.NS);
        }
    }

    static boolean isAttachmentContent(Node node) {
        return node instanceof Element e && EdxmlNames.CONTENT.equals(e.getLocalName())
                && EdxmlNames.NS.equals(e.getNamespaceURI()) && e.getParentNode() instanceof Element parent
                && EdxmlNames.ATTACHMENT.equals(parent.getLocalName());
    }

    private static Element element(Document doc, XMLStreamReader reader) {
        String ns = emptyToNull(reader.getNamespaceURI());
        String prefix = reader.getPrefix();
        String qName = prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
        Element element = doc.createElementNS(ns, qName);
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String p = reader.getNamespacePrefix(i);
            String name = p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p;
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, nullToEmpty(reader.getNamespaceURI(i)));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String p = reader.getAttributePrefix(i);
            String local = reader.getAttributeLocalName(i);
            element.setAttributeNS(emptyToNull(reader.getAttributeNamespace(i)),
                    p == null || p.isEmpty() ? local : p + ":" + local, reader.getAttributeValue(i));
        }
        return element;
    }

    private static long attributeChars(XMLStreamReader reader) {
        long n = 0;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            n += reader.getAttributeValue(i).length();
        }
        return n;
    }

    private static void appendText(Node parent, String text) {
        if (parent.getLastChild() instanceof org.w3c.dom.Text last) {
            last.appendData(text);
        } else {
            parent.appendChild(parent.getOwnerDocument().createTextNode(text));
        }
    }

    private static void cleanUp(Base64SpoolSink sink, Map<Element, SpooledContent> contents) {
        if (sink != null) {
            sink.discard();
        }
        ParsedEdxml.delete(contents.values());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
