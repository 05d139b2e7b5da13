package vn.lienthong.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * An edXML file's element tree as one line per node (element with namespace and prefix, attributes sorted, text
 * exactly as parsed), so two files compare node for node with a readable difference.
 */
public final class EdxmlTree {

    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private EdxmlTree() {
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("not well-formed: " + e.getMessage(), e);
        }
    }

    /** The tree of {@code xml} without the XML-DSig Signature elements of edXMLHeader. */
    public static List<String> withoutSignature(byte[] xml) {
        Document doc = parse(xml);
        for (Element signature : signatures(doc)) {
            signature.getParentNode().removeChild(signature);
        }
        return lines(doc);
    }

    public static List<String> of(byte[] xml) {
        return lines(parse(xml));
    }

    /** The ds:Signature elements directly in edXMLHeader. */
    public static List<Element> signatures(Document doc) {
        List<Element> found = new ArrayList<>();
        var headers = doc.getElementsByTagNameNS("*", "edXMLHeader");
        for (Node n = headers.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> lines(Document doc) {
        List<String> lines = new ArrayList<>();
        node(doc.getDocumentElement(), 0, lines);
        return lines;
    }

    private static void node(Node node, int depth, List<String> lines) {
        String indent = "  ".repeat(depth);
        if (node instanceof Element e) {
            TreeMap<String, String> attributes = new TreeMap<>();
            NamedNodeMap map = e.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                Attr a = (Attr) map.item(i);
                attributes.put(a.getName() + "{" + a.getNamespaceURI() + "}", a.getValue());
            }
            lines.add(indent + "<" + e.getTagName() + "{" + e.getNamespaceURI() + "} " + attributes);
            for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                node(child, depth + 1, lines);
            }
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            lines.add(indent + "text " + node.getNodeValue().replace("\r", "\\r").replace("\n", "\\n")
                    .replace("\t", "\\t"));
        } else {
            lines.add(indent + "node " + node.getNodeType() + " " + node.getNodeValue());
        }
    }
}
