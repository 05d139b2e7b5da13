package vn.lienthong.edxml;

import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The sender's own edXML tree as read: every element, attribute and text in order, attachment content kept on disk
 * as written. The gateway signs and sends this tree ({@link EdxmlWriter#sign}) instead of rebuilding the document
 * from its model, which knows fewer elements than senders use. Closing it deletes the kept base64 text; the decoded
 * attachment files belong to the message read with it.
 */
public final class EdxmlSource implements AutoCloseable {

    private final Document tree;
    private final Map<Element, SpooledContent> contents;

    EdxmlSource(Document tree, Map<Element, SpooledContent> contents) {
        this.tree = tree;
        this.contents = contents;
    }

    Document tree() {
        return tree;
    }

    Map<Element, SpooledContent> contents() {
        return contents;
    }

    /**
     * Sets the OrganId of the document's {@code index}-th To (0-based): the one change the gateway makes to a
     * sender's tree, a recipient code closed in the 2025 reorganisation replaced by its successor.
     */
    public void readdress(int index, String organId) {
        Element header = Dom.path(tree, EdxmlNames.ENVELOPE, EdxmlNames.HEADER, EdxmlNames.MESSAGE_HEADER)
                .orElseThrow();
        List<Element> to = Dom.children(header, "To");
        Element id = Dom.child(to.get(index), "OrganId").orElseThrow();
        id.setTextContent(organId);
    }

    @Override
    public void close() {
        ParsedEdxml.deleteEncodedText(contents.values());
    }
}
