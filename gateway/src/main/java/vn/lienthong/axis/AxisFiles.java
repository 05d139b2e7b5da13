package vn.lienthong.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The gateway's side of the files the axis carries, the same for both transports. */
final class AxisFiles {

    private AxisFiles() {
    }

    /** Fails before any call when there is nothing to send: a missing local file is not the axis's fault. */
    static Path existing(Path edxml) {
        if (!Files.isRegularFile(edxml)) {
            throw new IllegalArgumentException("no edXML file at " + edxml);
        }
        return edxml;
    }

    /**
     * Copies {@code in} to a temporary file next to {@code target} and moves it into place only when complete, so a
     * download that fails half-way leaves neither a truncated file nor a temporary one behind.
     */
    static void save(InputStream in, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, target.getFileName() + ".", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }
}
