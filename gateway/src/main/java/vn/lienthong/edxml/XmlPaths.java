package vn.lienthong.edxml;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** XPath-like location of a node for problem reports: local names, and [n] (1-based) among same-named siblings. */
final class XmlPaths {

    private XmlPaths() {
    }

    static String of(Node node) {
        if (node instanceof org.w3c.dom.Attr attr) {
            return of(attr.getOwnerElement()) + "/@" + attr.getLocalName();
        }
        while (node != null && !(node instanceof Element)) {
            node = node.getParentNode();
        }
        if (node == null) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
            path.insert(0, "/" + name(e) + index(e));
        }
        return path.toString();
    }

    /** The path of a child that is missing: the parent's path plus the child's name. */
    static String child(Element parent, String name) {
        return of(parent) + "/" + name;
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static String index(Element e) {
        int position = 0;
        int count = 0;
        for (Node s = e.getParentNode() == null ? null : e.getParentNode().getFirstChild(); s != null;
                s = s.getNextSibling()) {
            if (s instanceof Element sibling && name(sibling).equals(name(e))) {
                count++;
                if (sibling == e) {
                    position = count;
                }
            }
        }
        return count > 1 ? "[" + position + "]" : "";
    }
}
