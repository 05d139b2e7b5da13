package vn.lienthong.edxml;

import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** An edXML DOM built from a model; each empty ContentTransferEncoded element maps to the attachment it carries. */
record BuiltEdxml(Document document, Map<Element, EdxmlAttachment> contents) {
}
