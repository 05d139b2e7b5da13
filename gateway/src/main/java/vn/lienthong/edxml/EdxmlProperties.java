package vn.lienthong.edxml;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits, spool folder, signing key and signature policy of the edXML library ({@code lienthong.edxml.*}).
 *
 * @param schema             the edXML XSD (relative to the working directory, like the rest of {@code mappings/})
 * @param maxDocumentSize    largest edXML file accepted, base64 included (a 50 MiB attachment is ~67 MiB of base64)
 * @param maxAttachmentSize  largest decoded attachment
 * @param maxEnvelopeSize    largest amount of text kept in memory for everything but attachment content
 * @param maxAttachments     most attachments in one document
 * @param maxElementDepth    deepest element nesting (edXML needs 8; the limit stops nesting bombs)
 * @param maxEntityExpansions entity expansions allowed (DOCTYPEs are refused anyway; defence in depth)
 * @param maxAttributes      most attributes plus namespace declarations on one element (edXML needs a handful; each
 *                           costs the parser, and 50,000 declarations on one element took seconds)
 * @param spoolDirectory     where decoded attachments are spooled; {@code null} = {@code java.io.tmpdir/lienthong-edxml}
 */
@ConfigurationProperties(prefix = "lienthong.edxml")
public record EdxmlProperties(
        @DefaultValue("mappings/edxml/edxml.xsd") Path schema,
        @DefaultValue("80MB") DataSize maxDocumentSize,
        @DefaultValue("50MB") DataSize maxAttachmentSize,
        @DefaultValue("4MB") DataSize maxEnvelopeSize,
        @DefaultValue("200") int maxAttachments,
        @DefaultValue("64") int maxElementDepth,
        @DefaultValue("100") int maxEntityExpansions,
        @DefaultValue("100") int maxAttributes,
        Path spoolDirectory,
        @DefaultValue Signing signing,
        @DefaultValue Verification verification) {

    public EdxmlProperties {
        schema = schema != null ? schema : Path.of("mappings/edxml/edxml.xsd");
        maxDocumentSize = maxDocumentSize != null ? maxDocumentSize : DataSize.ofMegabytes(80);
        maxAttachmentSize = maxAttachmentSize != null ? maxAttachmentSize : DataSize.ofMegabytes(50);
        maxEnvelopeSize = maxEnvelopeSize != null ? maxEnvelopeSize : DataSize.ofMegabytes(4);
        maxAttachments = maxAttachments > 0 ? maxAttachments : 200;
        maxElementDepth = maxElementDepth > 0 ? maxElementDepth : 64;
        maxEntityExpansions = maxEntityExpansions > 0 ? maxEntityExpansions : 100;
        maxAttributes = maxAttributes > 0 ? maxAttributes : 100;
        spoolDirectory = spoolDirectory != null ? spoolDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "lienthong-edxml");
        signing = signing != null ? signing : new Signing(null, null, null, null);
        verification = verification != null ? verification : new Verification(null, null, null, null);
    }

    /** Every default, for use without Spring (tests, tools). */
    public static EdxmlProperties defaults() {
        return new EdxmlProperties(null, null, null, null, 0, 0, 0, 0, null, null, null);
    }

    public EdxmlProperties withSpoolDirectory(Path directory) {
        return new EdxmlProperties(schema, maxDocumentSize, maxAttachmentSize, maxEnvelopeSize, maxAttachments,
                maxElementDepth, maxEntityExpansions, maxAttributes, directory, signing, verification);
    }

    public EdxmlProperties withMaxDocumentSize(DataSize size) {
        return new EdxmlProperties(schema, size, maxAttachmentSize, maxEnvelopeSize, maxAttachments,
                maxElementDepth, maxEntityExpansions, maxAttributes, spoolDirectory, signing, verification);
    }

    public EdxmlProperties withSigning(Signing newSigning) {
        return new EdxmlProperties(schema, maxDocumentSize, maxAttachmentSize, maxEnvelopeSize, maxAttachments,
                maxElementDepth, maxEntityExpansions, maxAttributes, spoolDirectory, newSigning, verification);
    }

    public EdxmlProperties withVerification(Verification newVerification) {
        return new EdxmlProperties(schema, maxDocumentSize, maxAttachmentSize, maxEnvelopeSize, maxAttachments,
                maxElementDepth, maxEntityExpansions, maxAttributes, spoolDirectory, signing, newVerification);
    }

    public XmlLimits xmlLimits() {
        return new XmlLimits(maxDocumentSize.toBytes(), maxElementDepth, maxEntityExpansions, maxAttributes);
    }

    /**
     * The key outgoing documents are signed with.
     *
     * @param keystore              PKCS#12 file: a path, or {@code classpath:...}; the default is the shipped DEV key
     * @param password              keystore (and key) password
     * @param alias                 the key entry
     * @param wholeDocumentMaxSize  documents whose attachments total at most this are signed whole (DOM, interoperable);
     *                              larger ones are signed over the envelope plus one SHA-256 reference per attachment
     */
    public record Signing(
            @DefaultValue(DevKey.LOCATION) String keystore,
            @DefaultValue(DevKey.PASSWORD) String password,
            @DefaultValue(DevKey.ALIAS) String alias,
            @DefaultValue("16MB") DataSize wholeDocumentMaxSize) {

        public Signing {
            keystore = keystore != null ? keystore : DevKey.LOCATION;
            password = password != null ? password : DevKey.PASSWORD;
            alias = alias != null ? alias : DevKey.ALIAS;
            wholeDocumentMaxSize = wholeDocumentMaxSize != null ? wholeDocumentMaxSize : DataSize.ofMegabytes(16);
        }

        /** Without the password: properties end up in logs and actuator output. */
        @Override
        public String toString() {
            return "Signing[keystore=" + keystore + ", alias=" + alias + ", wholeDocumentMaxSize="
                    + wholeDocumentMaxSize + "]";
        }
    }

    /**
     * How incoming signatures are checked.
     *
     * @param onInvalid             REJECT (the document gets a 400) or FLAG (it passes with status INVALID)
     * @param wholeDocumentMaxSize  largest file whose whole-document signature is verified (it needs a full DOM);
     *                              a larger one is INVALID with that reason
     * @param truststore            optional PKCS#12 of trusted signer or CA certificates; without it any signer key passes
     * @param truststorePassword    its password
     */
    public record Verification(
            @DefaultValue("REJECT") InvalidSignaturePolicy onInvalid,
            @DefaultValue("16MB") DataSize wholeDocumentMaxSize,
            String truststore,
            String truststorePassword) {

        public Verification {
            onInvalid = onInvalid != null ? onInvalid : InvalidSignaturePolicy.REJECT;
            wholeDocumentMaxSize = wholeDocumentMaxSize != null ? wholeDocumentMaxSize : DataSize.ofMegabytes(16);
        }

        /** Without the password. */
        @Override
        public String toString() {
            return "Verification[onInvalid=" + onInvalid + ", wholeDocumentMaxSize=" + wholeDocumentMaxSize
                    + ", truststore=" + truststore + "]";
        }
    }

    /** What the reader does with a signature that is present but does not verify. */
    public enum InvalidSignaturePolicy { REJECT, FLAG }
}
