package vn.lienthong.edxml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Navigation over edXML elements by local name in the QCVN 102 namespace. */
final class Dom {

    private Dom() {
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && EdxmlNames.NS.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Follows a path of child names from the document element (which must be edXML). */
    static Optional<Element> path(Document doc, String... names) {
        Element current = doc.getDocumentElement();
        if (current == null || !EdxmlNames.ROOT.equals(current.getLocalName())) {
            return Optional.empty();
        }
        for (String name : names) {
            Optional<Element> next = child(current, name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** The trimmed text of an element; {@code null} when absent or blank (vendors write empty {@code <Fax/>}). */
    static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    static String childText(Element parent, String name) {
        return child(parent, name).map(Dom::text).orElse(null);
    }
}
