package vn.lienthong.edxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import vn.lienthong.contract.Problem;

/** {@code mappings/edxml/edxml.xsd}, loaded once, checked against the parsed document (attachment content left out). */
final class EdxmlSchema {

    private static final String CURRENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";

    private final SecureXml xml;
    private final Schema schema;

    EdxmlSchema(SecureXml xml, Path xsd) {
        this.xml = xml;
        try (var in = Files.newInputStream(xsd)) {
            this.schema = xml.newSchemaFactory().newSchema(new StreamSource(in, xsd.toUri().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the edXML schema " + xsd.toAbsolutePath(), e);
        } catch (SAXException e) {
            throw new IllegalStateException("the edXML schema " + xsd + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Every schema problem, each at the element where it was found. */
    List<Problem> validate(Document document) {
        Validator validator = xml.newValidator(schema);
        List<Problem> problems = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not reject a document
            }

            @Override
            public void error(SAXParseException e) {
                record(e);
            }

            @Override
            public void fatalError(SAXParseException e) {
                record(e);
            }

            private void record(SAXParseException e) {
                String message = plain(e.getMessage());
                if (message.startsWith("The value '") && message.endsWith("is not valid.")) {
                    return; // Xerces repeats every datatype error in this generic form
                }
                problems.add(new Problem(XmlPaths.of(currentNode(validator)), message));
            }
        });
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            problems.add(new Problem("/", plain(e.getMessage())));
        }
        return problems;
    }

    private static Node currentNode(Validator validator) {
        try {
            return (Node) validator.getProperty(CURRENT_NODE);
        } catch (SAXException e) {
            return null;
        }
    }

    /** Drops Xerces' rule code ("cvc-complex-type.2.4.a: ") and the namespace noise in element lists. */
    private static String plain(String message) {
        String text = String.valueOf(message).replaceFirst("^cvc-[\\w.-]+: ", "");
        return text.replace("\"" + EdxmlNames.NS + "\":", "");
    }
}
