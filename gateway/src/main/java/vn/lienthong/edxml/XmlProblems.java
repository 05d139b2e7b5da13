package vn.lienthong.edxml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

import org.xml.sax.SAXParseException;

/** Turns what a parser threw into one plain sentence: the attack or limit it hit, or where the XML broke. */
final class XmlProblems {

    /** JAXP00010006: The element "a" has a depth of "65" that exceeds the limit "64" set by "maxElementDepth". */
    private static final Pattern JDK_DEPTH_LIMIT = Pattern.compile("exceeds the limit \"(\\d+)\" set by \"[\\w.]*maxElementDepth");

    private XmlProblems() {
    }

    static String depthExceeded(int maxDepth) {
        return "elements are nested deeper than the limit of " + maxDepth;
    }

    static String attributesExceeded(int max) {
        return "an element has more than " + max + " attributes and namespace declarations, the limit "
                + "(lienthong.edxml.max-attributes)";
    }

    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof XmlSizeLimitException size) {
                return size.getMessage();
            }
            String text = String.valueOf(t.getMessage());
            if (text.contains(SecureXml.DOCTYPE_NOT_ALLOWED) || text.contains("DOCTYPE")
                    || text.contains("disallow-doctype-decl")) {
                return SecureXml.DOCTYPE_NOT_ALLOWED;
            }
            if (text.contains(SecureXml.ENTITY_EXPANSION_LIMIT) || text.contains("JAXP00010001")) {
                return "too many entity expansions (entity-expansion attack)";
            }
            if (text.contains("nested deeper than")) {
                return message(text);
            }
            Matcher depth = JDK_DEPTH_LIMIT.matcher(text);
            if (depth.find()) {
                return depthExceeded(Integer.parseInt(depth.group(1)));
            }
            if (text.contains("external entity")) {
                return "external entities are not allowed (XXE)";
            }
        }
        return "not well-formed XML" + where(failure) + ": " + message(String.valueOf(failure.getMessage()));
    }

    private static Throwable next(Throwable t) {
        if (t instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != t) {
            return x.getNestedException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String where(Throwable failure) {
        if (failure instanceof XMLStreamException x && x.getLocation() != null) {
            Location at = x.getLocation();
            return " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        }
        if (failure instanceof SAXParseException x) {
            return " at line " + x.getLineNumber() + ", column " + x.getColumnNumber();
        }
        return "";
    }

    /** StAX prefixes "ParseError at [row,col]:[1,2]\nMessage: "; the location is reported separately. */
    private static String message(String text) {
        int at = text.indexOf("Message: ");
        return (at >= 0 ? text.substring(at + "Message: ".length()) : text).strip();
    }
}
