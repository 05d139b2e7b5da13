package vn.lienthong.edxml;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Reads one edXML file and prints "sha256 size signature peak-heap-MiB" on one line: run by {@link LargeAttachmentTest}
 * in a child JVM with a small -Xmx, to prove a 50 MiB attachment does not need the heap.
 */
public final class LargeAttachmentProbe {

    private LargeAttachmentProbe() {
    }

    public static void main(String[] args) {
        resetPeaks();
        EdxmlReader reader = new EdxmlReader(EdxmlProperties.defaults().withSpoolDirectory(Path.of(args[1])));
        EdxmlDocument doc = reader.readDocument(Path.of(args[0]));
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
