package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.edxml.EdxmlFixtures.resource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.xml.sax.helpers.DefaultHandler;

import vn.lienthong.contract.InvalidMessageException;
import vn.lienthong.contract.Problem;

/** Given hostile XML, when it is read, then it is refused with a 400-style problem and the reader keeps working. */
class HostileXmlTest {

    @TempDir
    Path dir;

    @Test
    void anXxeFileIsRefusedBeforeAnyEntityIsResolved() {
        EdxmlRejectedException e = rejected(resource("xxe.edxml"));

        assertThat(e).isInstanceOf(InvalidMessageException.class); // answered 400 by the existing error handling
        assertThat(e.problems()).containsExactly(new Problem("/", SecureXml.DOCTYPE_NOT_ALLOWED));
    }

    @Test
    void aBillionLaughsFileIsRefusedQuicklyAndTheReaderStaysHealthy() {
        EdxmlReader reader = reader(EdxmlFixtures.properties(dir));
        long start = System.nanoTime();

        EdxmlRejectedException e = EdxmlFixtures.rejected(() -> reader.read(resource("billion-laughs.edxml")));

        assertThat(e.problems()).containsExactly(new Problem("/", SecureXml.DOCTYPE_NOT_ALLOWED));
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2_000);
        EdxmlDocument doc = reader.readDocument(resource("document.edxml"));
        assertThat(doc.attachments()).hasSize(2);
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        assertThat(rejected(resource("external-dtd.edxml")).problems())
                .containsExactly(new Problem("/", SecureXml.DOCTYPE_NOT_ALLOWED));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutParsing() {
        EdxmlProperties small = EdxmlFixtures.properties(dir).withMaxDocumentSize(DataSize.ofKilobytes(10));

        EdxmlRejectedException e = EdxmlFixtures.rejected(() -> reader(small).read(resource("document.edxml")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/");
            assertThat(p.message()).matches("the document is \\d+ bytes, larger than the limit of 10240 bytes");
        });
    }

    @Test
    void aStreamOverTheSizeLimitIsCutOff() throws Exception {
        EdxmlProperties small = EdxmlFixtures.properties(dir).withMaxDocumentSize(DataSize.ofKilobytes(10));

        try (InputStream in = Files.newInputStream(resource("document.edxml"))) {
            EdxmlRejectedException e = EdxmlFixtures.rejected(() -> reader(small).read(in));
            assertThat(e.problems()).containsExactly(
                    new Problem("/", "the document is larger than the limit of 10240 bytes"));
        }
        assertThat(EdxmlFixtures.spoolFiles(dir)).isZero();
    }

    @Test
    void deepNestingIsRefused() {
        String xml = "<edXML xmlns=\"" + EdxmlNames.NS + "\">" + "<a>".repeat(100) + "</a>".repeat(100) + "</edXML>";

        EdxmlRejectedException e = rejected(EdxmlFixtures.write(dir, "deep.edxml", xml));

        assertThat(e.problems()).singleElement().extracting(Problem::message)
                .isEqualTo("elements are nested deeper than the limit of 64");
    }

    @Test
    void fiftyThousandNamespaceDeclarationsAreRefusedQuicklyNamingTheLimit() {
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            declarations.append(" xmlns:p").append(i).append("=\"urn:p").append(i).append('"');
        }
        Path file = EdxmlFixtures.write(dir, "namespaces.edxml", EdxmlFixtures.text("document.edxml")
                .replaceFirst("<edXML:edXMLEnvelope ", "<edXML:edXMLEnvelope" + declarations + " "));

        long start = System.nanoTime();
        EdxmlRejectedException e = rejected(file);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.problems()).containsExactly(new Problem("/", "an element has more than 100 attributes and "
                + "namespace declarations, the limit (lienthong.edxml.max-attributes)"));
        assertThat(millis).as("refused in %d ms", millis).isLessThan(500);
    }

    @Test
    void manyAttributesOnOneElementAreRefused() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            attributes.append(" xlink:a").append(i).append("=\"v\"");
        }
        Path file = EdxmlFixtures.write(dir, "attributes.edxml", EdxmlFixtures.text("document.edxml")
                .replaceFirst("xlink:type=\"simple\"", "xlink:type=\"simple\"" + attributes));

        assertThat(rejected(file).problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("an element has more than 100 attributes");
    }

    @Test
    void millionsOfEmptyElementsAreRefusedBeforeTheyFillTheHeap() {
        String xml = EdxmlFixtures.text("document.edxml").replace("<edXML:Place>Bộ Nội vụ</edXML:Place>",
                "<edXML:Place/>".repeat(200_000));

        EdxmlRejectedException e = rejected(EdxmlFixtures.write(dir, "many.edxml", xml));

        assertThat(e.problems()).singleElement().extracting(Problem::message).isEqualTo(
                "the document outside attachment content is larger than the limit of 4194304 characters");
    }

    @Test
    void anUndeclaredEntityIsNotWellFormed() {
        String xml = EdxmlFixtures.text("status.edxml").replace("Lê Văn Cường", "&xxe;");
        long line = xml.substring(0, xml.indexOf("&xxe;")).lines().count();

        EdxmlRejectedException e = rejected(EdxmlFixtures.write(dir, "entity.edxml", xml));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/StaffInfo/Staff");
            assertThat(p.message()).startsWith("not well-formed XML at line " + line + ", column")
                    .endsWith("The entity \"xxe\" was referenced, but not declared.");
        });
    }

    @Test
    void everyFactoryOfSecureXmlRefusesDoctypes() throws Exception {
        SecureXml xml = SecureXml.withDefaults();
        byte[] xxe = Files.readAllBytes(resource("xxe.edxml"));

        assertThatThrownBy(() -> xml.newDocumentBuilder().parse(new ByteArrayInputStream(xxe)))
                .satisfies(t -> assertThat(XmlProblems.describe(t)).isEqualTo(SecureXml.DOCTYPE_NOT_ALLOWED));
        assertThatThrownBy(() -> xml.newSaxParser().parse(new ByteArrayInputStream(xxe), new DefaultHandler()))
                .satisfies(t -> assertThat(XmlProblems.describe(t)).isEqualTo(SecureXml.DOCTYPE_NOT_ALLOWED));
        assertThatThrownBy(() -> {
            var reader = xml.newXmlStreamReader(new ByteArrayInputStream(xxe));
            while (reader.hasNext()) {
                reader.next();
            }
        }).satisfies(t -> assertThat(XmlProblems.describe(t)).isEqualTo(SecureXml.DOCTYPE_NOT_ALLOWED));
        assertThatThrownBy(() -> xml.newSchemaFactory().newSchema(new StreamSource(new ByteArrayInputStream(
                ("<!DOCTYPE x SYSTEM \"http://attacker.example/x.dtd\"><xs:schema "
                        + "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>").getBytes(StandardCharsets.UTF_8)))))
                .hasMessageContaining("'http' access is not allowed");
        assertThatThrownBy(() -> xml.newTransformerFactory().newTransformer().transform(
                new StreamSource(new ByteArrayInputStream(xxe)), new javax.xml.transform.dom.DOMResult()))
                .hasMessageContaining("access is not allowed");
    }

    private EdxmlRejectedException rejected(Path file) {
        return EdxmlFixtures.rejected(() -> reader(EdxmlFixtures.properties(dir)).read(file));
    }

    private static EdxmlReader reader(EdxmlProperties properties) {
        return new EdxmlReader(properties);
    }
}
