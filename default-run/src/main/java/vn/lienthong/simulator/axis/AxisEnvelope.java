package vn.lienthong.simulator.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import vn.lienthong.edxml.SecureXml;

/**
 * What the axis reads of a file to route it, and all it demands of one: well-formed XML (XML 1.0, read without
 * namespace processing, so an undeclared prefix passes: the receiving system judges that) whose root is {@code edXML}
 * declared in the QCVN 102 namespace. The routing values are the text of From/OrganId, To/OrganId,
 * MessageHeader/DocumentId, StatusCode and ResponseFor's OrganId and DocumentId, matched by local name.
 */
record AxisEnvelope(AxisMessageType type, String fromOrganId, List<String> toOrganIds, String documentId,
                    String statusCode, String responseForOrganId, String responseForDocumentId) {

    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    /** @throws AxisRefusal 400 with the reason when the file is not well-formed or not edXML */
    static AxisEnvelope read(Path file, SecureXml xml) {
        Values values = new Values();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = xml.newXmlStreamReader(in, false);
            Deque<String> path = new ArrayDeque<>();
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String qName = qName(reader.getPrefix(), reader.getLocalName());
                        if (path.isEmpty()) {
                            checkRoot(reader, qName);
                        }
                        String name = local(qName);
                        path.push(name);
                        text.setLength(0);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (text.length() < 1024) {
                            text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        values.take(path, text.toString().strip());
                        path.pop();
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw AxisRefusal.invalid("edXML không hợp lệ (not well-formed XML): " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new AxisEnvelope(values.statusCode == null ? AxisMessageType.EDOC : AxisMessageType.STATUS,
                values.from, values.to, values.documentId, values.statusCode, values.responseForOrganId,
                values.responseForDocumentId);
    }

    /** The root is edXML (any prefix) and declares that prefix, or the default namespace, as QCVN 102's. */
    private static void checkRoot(XMLStreamReader reader, String qName) {
        int colon = qName.indexOf(':');
        String prefix = colon < 0 ? null : qName.substring(0, colon);
        if (!"edXML".equals(local(qName))) {
            throw AxisRefusal.invalid("edXML không hợp lệ (the root element is '" + qName + "', not edXML)");
        }
        String declaration = prefix == null ? "xmlns" : "xmlns:" + prefix;
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attribute = qName(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
            if (declaration.equals(attribute) && NS.equals(reader.getAttributeValue(i))) {
                return;
            }
        }
        throw AxisRefusal.invalid("edXML không hợp lệ (the root edXML is not in the namespace " + NS + ")");
    }

    /** Without namespace processing a parser may report "p:name" as the local name or split it: both read alike. */
    private static String qName(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String local(String qName) {
        return qName.substring(qName.indexOf(':') + 1);
    }

    /** The routing values, first occurrence each (To: every one). */
    private static final class Values {
        String from;
        final List<String> to = new ArrayList<>();
        String documentId;
        String statusCode;
        String responseForOrganId;
        String responseForDocumentId;

        void take(Deque<String> path, String text) {
            if (text.isEmpty() || path.size() < 2) {
                return;
            }
            List<String> names = new ArrayList<>(path); // innermost first
            String name = names.get(0);
            String parent = names.get(1);
            boolean inMessageHeader = names.contains("MessageHeader");
            if (!inMessageHeader) {
                return;
            }
            if ("OrganId".equals(name) && "From".equals(parent) && from == null) {
                from = text;
            } else if ("OrganId".equals(name) && "To".equals(parent)) {
                to.add(text);
            } else if ("DocumentId".equals(name) && "MessageHeader".equals(parent) && documentId == null) {
                documentId = text;
            } else if ("StatusCode".equals(name) && "MessageHeader".equals(parent) && statusCode == null) {
                statusCode = text;
            } else if ("OrganId".equals(name) && "ResponseFor".equals(parent) && responseForOrganId == null) {
                responseForOrganId = text;
            } else if ("DocumentId".equals(name) && "ResponseFor".equals(parent) && responseForDocumentId == null) {
                responseForDocumentId = text;
            }
        }
    }
}
