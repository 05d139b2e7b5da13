package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a document with a 50 MiB attachment, built on disk by streaming and signed, when it is read, then the spooled
 * attachment has the right size and SHA-256, the signature verifies, and the heap stays small: in this JVM (measured)
 * and in a child JVM limited to 64 MiB of heap.
 */
class LargeAttachmentTest {

    private static final int SIZE = 50 * 1024 * 1024;

    @TempDir
    static Path dir;

    private static Path edxml;
    private static Path unsigned;
    private static String expectedSha256;

    @BeforeAll
    static void buildTheFileByStreaming() throws Exception {
        Path content = dir.resolve("scan.pdf");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(content), sha256)) {
            Random random = new Random(50);
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < SIZE / chunk.length; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        expectedSha256 = HexFormat.of().formatHex(sha256.digest());
        EdxmlDocument sample = EdxmlFixtures.sampleDocument(dir);
        EdxmlDocument large = new EdxmlDocument(sample.from(), sample.to(), sample.documentId(), sample.code(),
                sample.promulgationInfo(), sample.documentType(), sample.subject(), sample.content(),
                sample.signerInfo(), sample.dueDate(), sample.toPlaces(), sample.otherInfo(), sample.steeringType(),
                sample.responseFor(), sample.traceHeaders(), sample.bussiness(),
                List.of(EdxmlAttachment.ofFile("scan-1", "Bản scan 50 MiB.pdf", "application/pdf", "Hồ sơ scan",
                        content)), null, List.of());
        unsigned = dir.resolve("large-unsigned.edxml");
        new EdxmlWriter(EdxmlProperties.defaults()).write(large, unsigned, null);
        edxml = dir.resolve("large.edxml");
        long before = usedHeap();
        new EdxmlWriter(EdxmlProperties.defaults()).write(large, edxml, EdxmlFixtures.devSigner());
        System.out.printf("[edxml] wrote %d MiB edXML (signed over envelope + attachment digest); heap used after: "
                + "%d MiB (before: %d MiB)%n", Files.size(edxml) >> 20, usedHeap() >> 20, before >> 20);
    }

    @Test
    void theAttachmentIsSpooledWithItsSha256AndTheSignatureVerifies() {
        EdxmlReader reader = new EdxmlReader(EdxmlProperties.defaults().withSpoolDirectory(dir.resolve("spool")));
        LargeAttachmentProbe.resetPeaks();
        long start = System.nanoTime();

        EdxmlDocument doc = reader.readDocument(edxml);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = LargeAttachmentProbe.peakHeapMiB();
        System.out.printf("[edxml] read %d MiB edXML in %d ms; peak heap during the read (MemoryPoolMXBean, "
                + "garbage included): %d MiB%n", sizeMiB(edxml), millis, peak);
        EdxmlAttachment attachment = doc.attachments().get(0);
        assertThat(attachment.size()).isEqualTo(SIZE);
        assertThat(attachment.sha256()).isEqualTo(expectedSha256);
        assertThat(EdxmlFixtures.sha256(attachment.spooledFile())).isEqualTo(expectedSha256);
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(doc.signature().scope()).isEqualTo(SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS);
    }

    @Test
    void aChildJvmWith64MibOfHeapSignsTheSendersOwnFileAndTheSignatureVerifies() throws Exception {
        String last = probe(unsigned.toString(), dir.resolve("sign-spool").toString(),
                dir.resolve("signed-by-gateway.edxml").toString());
        System.out.printf("[edxml] child JVM -Xmx64m, sender's tree signed then read: %s%n", last);

        String[] fields = last.split(" ");
        assertThat(fields[0]).isEqualTo(expectedSha256);
        assertThat(fields[2]).isEqualTo("VALID");
        assertThat(Long.parseLong(fields[3])).isLessThan(64);
    }

    private static String probe(String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-cp", classpath, LargeAttachmentProbe.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void aChildJvmWith64MibOfHeapReadsIt() throws Exception {
        String last = probe(edxml.toString(), dir.resolve("child-spool").toString());
        System.out.printf("[edxml] child JVM -Xmx64m: %s%n", last);

        String[] fields = last.split(" ");
        assertThat(fields[0]).isEqualTo(expectedSha256);
        assertThat(Long.parseLong(fields[1])).isEqualTo(SIZE);
        assertThat(fields[2]).isEqualTo("VALID");
        assertThat(Long.parseLong(fields[3])).isLessThan(64);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long sizeMiB(Path file) {
        try {
            return Files.size(file) >> 20;
        } catch (IOException e) {
            return -1;
        }
    }
}
