package vn.lienthong.edxml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Attr;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;
import org.w3c.dom.Text;

/**
 * Writes an edXML DOM with a StAX writer, exactly as built (namespace declarations, prefixes, whitespace), so a
 * signature made over the DOM holds over the bytes. Empty attachment-content elements are filled by streaming their
 * files as base64; nothing larger than a chunk is held in memory.
 */
final class EdxmlSerializer {

    private final SecureXml xml;

    EdxmlSerializer(SecureXml xml) {
        this.xml = xml;
    }

    /** @return size and SHA-256 of each streamed attachment, by its content element */
    Map<Element, SpooledContent> write(Document doc, Map<Element, AttachmentText> streamed, OutputStream out) {
        Map<Element, SpooledContent> written = new LinkedHashMap<>();
        try {
            // the JDK's StAX writer makes many tiny writes: without a buffer, 67 MiB to a file takes a minute
            BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            XMLStreamWriter writer = xml.newXmlOutputFactory().createXMLStreamWriter(buffered,
                    StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            node(writer, doc.getDocumentElement(), streamed, written);
            writer.writeEndDocument();
            writer.flush();
            writer.close();
            buffered.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write edXML", e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write edXML: " + e.getMessage(), e);
        }
    }

    private static void node(XMLStreamWriter writer, Node node, Map<Element, AttachmentText> streamed,
                             Map<Element, SpooledContent> written) throws XMLStreamException {
        if (node instanceof Element element) {
            String prefix = element.getPrefix() == null ? "" : element.getPrefix();
            String ns = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
            AttachmentText attachment = streamed.get(element);
            if (element.getFirstChild() == null && attachment == null) {
                writer.writeEmptyElement(prefix, element.getLocalName(), ns);
                attributes(writer, element);
                return;
            }
            writer.writeStartElement(prefix, element.getLocalName(), ns);
            attributes(writer, element);
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                node(writer, child, streamed, written);
            }
            if (attachment != null && element.getFirstChild() == null) {
                written.put(element, attachment.writeTo((chars, offset, length) -> text(writer, chars, offset, length)));
            }
            writer.writeEndElement();
        } else if (node instanceof Text text) {
            char[] chars = text.getData().toCharArray();
            text(writer, chars, 0, chars.length);
        } else if (node instanceof ProcessingInstruction pi) {
            writer.writeProcessingInstruction(pi.getTarget(), pi.getData());
        } else if (node instanceof Comment comment) {
            writer.writeComment(comment.getData());
        }
    }

    /** A CR in text came from {@code &#13;} (a parser turns a raw CR into LF): written as a reference so it stays. */
    private static void text(XMLStreamWriter writer, char[] chars, int offset, int length) throws XMLStreamException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == '\r') {
                writer.writeCharacters(chars, start, i - start);
                writer.writeEntityRef("#xD");
                start = i + 1;
            }
        }
        writer.writeCharacters(chars, start, offset + length - start);
    }

    private static void attributes(XMLStreamWriter writer, Element element) throws XMLStreamException {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                if (XMLConstants.XMLNS_ATTRIBUTE.equals(attr.getName())) {
                    writer.writeDefaultNamespace(attr.getValue());
                } else {
                    writer.writeNamespace(attr.getLocalName(), attr.getValue());
                }
            }
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                String local = attr.getLocalName() != null ? attr.getLocalName() : attr.getName();
                writer.writeAttribute(attr.getPrefix() == null ? "" : attr.getPrefix(),
                        attr.getNamespaceURI() == null ? "" : attr.getNamespaceURI(), local, attr.getValue());
            }
        }
    }
}
