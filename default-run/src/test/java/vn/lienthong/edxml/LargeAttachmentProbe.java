package vn.lienthong.edxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one edXML file (optionally after signing it as its sender wrote it) and prints "sha256 size signature
 * peak-heap-MiB" on one line: run by {@link LargeAttachmentTest} in a child JVM with a small -Xmx, to prove a 50 MiB
 * attachment does not need the heap.
 */
public final class LargeAttachmentProbe {

    private LargeAttachmentProbe() {
    }

    /** {@code <edxml> <spool>} reads the file; {@code <edxml> <spool> <signed>} first signs it as the sender wrote it. */
    public static void main(String[] args) {
        resetPeaks();
        EdxmlProperties properties = EdxmlProperties.defaults().withSpoolDirectory(Path.of(args[1]));
        EdxmlReader reader = new EdxmlReader(properties);
        Path file = Path.of(args[0]);
        if (args.length > 2) {
            file = Path.of(args[2]);
            SourcedEdxml read = reader.readWithSource(Path.of(args[0]));
            try (EdxmlSource source = read.source(); var out = Files.newOutputStream(file)) {
                new EdxmlWriter(properties).sign(source, out, EdxmlFixtures.devSigner());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                ((EdxmlDocument) read.message()).deleteSpooledFiles();
            }
        }
        EdxmlDocument doc = reader.readDocument(file);
        EdxmlAttachment attachment = doc.attachments().get(0);
        System.out.println(attachment.sha256() + " " + attachment.size() + " " + doc.signature().status() + " "
                + peakHeapMiB());
        doc.deleteSpooledFiles();
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peak usage since {@link #resetPeaks()}, garbage included. */
    static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
