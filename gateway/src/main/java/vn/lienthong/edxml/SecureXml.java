package vn.lienthong.edxml;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.TransformerFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The only place XML parsers, transformers and schema factories are made. Every one refuses DOCTYPEs, never reads
 * an external entity, DTD, schema or stylesheet, runs in secure-processing mode and enforces {@link XmlLimits}.
 * It always takes the JDK's own implementations ({@code newDefault...}): Woodstox and Saxon are on the class path and
 * would ignore some of these settings.
 */
public final class SecureXml {

    /** The problem reported for any DOCTYPE: that is where XXE and entity-expansion (billion laughs) attacks live. */
    public static final String DOCTYPE_NOT_ALLOWED = "DOCTYPE is not allowed (XXE / entity expansion)";

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
    static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

    private final XmlLimits limits;

    public SecureXml(XmlLimits limits) {
        this.limits = limits;
    }

    public static SecureXml withDefaults() {
        return new SecureXml(XmlLimits.defaults());
    }

    public XmlLimits limits() {
        return limits;
    }

    /** Wraps an input so that reading past {@link XmlLimits#maxBytes()} fails with {@link XmlSizeLimitException}. */
    public InputStream limit(InputStream in) {
        return new SizeLimitedInputStream(in, limits.maxBytes());
    }

    public DocumentBuilder newDocumentBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(ENTITY_EXPANSION_LIMIT, String.valueOf(limits.maxEntityExpansions()));
            factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(limits.maxElementDepth()));
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' is not allowed");
            });
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser cannot be configured securely", e);
        }
    }

    public SAXParser newSaxParser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.setProperty(ENTITY_EXPANSION_LIMIT, String.valueOf(limits.maxEntityExpansions()));
            parser.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(limits.maxElementDepth()));
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser cannot be configured securely", e);
        }
    }

    /** A StAX factory; prefer {@link #newXmlStreamReader(InputStream)}, which also refuses DOCTYPEs. */
    public XMLInputFactory newXmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false); // keeps huge text nodes in chunks
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(ENTITY_EXPANSION_LIMIT, String.valueOf(limits.maxEntityExpansions()));
        factory.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(limits.maxElementDepth()));
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity '" + systemId + "' is not allowed");
        });
        return factory;
    }

    /**
     * A StAX reader over a size-limited input that fails on a DOCTYPE, on nesting beyond the depth limit and on an
     * element with more attributes and namespace declarations than the limit.
     */
    public XMLStreamReader newXmlStreamReader(InputStream in) throws XMLStreamException {
        return newXmlStreamReader(in, true);
    }

    /**
     * The same; {@code namespaceAware = false} checks only XML 1.0 well-formedness (an undeclared prefix passes), for
     * a carrier that stores files whose namespaces the receiver judges.
     */
    public XMLStreamReader newXmlStreamReader(InputStream in, boolean namespaceAware) throws XMLStreamException {
        XMLInputFactory factory = newXmlInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
        XMLStreamReader reader = factory.createXMLStreamReader(
                new AttributeLimitedInputStream(limit(in), limits.maxAttributes()));
        return new GuardedStreamReader(reader, limits.maxElementDepth());
    }

    public XMLOutputFactory newXmlOutputFactory() {
        return XMLOutputFactory.newDefaultFactory();
    }

    /**
     * A transformer factory for serialising DOMs this class's parsers built. A transformer cannot refuse DOCTYPEs, so
     * never hand it a raw {@code StreamSource}; if one slips through, external access is off and entity expansion
     * is capped.
     */
    public TransformerFactory newTransformerFactory() {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's transformer cannot be configured securely", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        factory.setAttribute(ENTITY_EXPANSION_LIMIT, String.valueOf(limits.maxEntityExpansions()));
        factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(limits.maxElementDepth()));
        return factory;
    }

    public SchemaFactory newSchemaFactory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's schema factory cannot be configured securely", e);
        }
        return factory;
    }

    public Validator newValidator(Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's validator cannot be configured securely", e);
        }
        return validator;
    }
}
