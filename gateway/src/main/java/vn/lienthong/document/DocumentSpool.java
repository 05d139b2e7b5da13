package vn.lienthong.document;

import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.ingress.IngressRefusedException;

/**
 * The folder where documents wait on disk while the gateway works on them ({@code lienthong.edxml.spool-directory}):
 * a document is never held whole in memory. Files belong to one exchange and are deleted when it completes; what
 * must survive is in the broker by then.
 */
@Component
public class DocumentSpool {

    private static final Logger log = LoggerFactory.getLogger(DocumentSpool.class);

    private final Path directory;

    public DocumentSpool(EdxmlProperties properties) {
        this.directory = properties.spoolDirectory();
    }

    /**
     * At start nothing is being worked on: files left in the spool folder belong to a run that was killed (what they
     * held is still in the broker) and are deleted, so the folder does not grow with every crash.
     */
    @PostConstruct
    void deleteLeftovers() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            long deleted = files.filter(Files::isRegularFile).filter(DocumentSpool::deleted).count();
            if (deleted > 0) {
                log.info("deleted {} file(s) left in the spool folder {} by an earlier run", deleted, directory);
            }
        } catch (IOException e) {
            log.warn("could not clean the spool folder {}: {}", directory, e.toString());
        }
    }

    private static boolean deleted(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    public Path newFile(String suffix) {
        try {
            Files.createDirectories(directory);
            return directory.resolve("doc-" + UUID.randomUUID() + suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool folder " + directory, e);
        }
    }

    /** Copies a request body to a new file with its SHA-256, refusing it with 413 past {@code limit} bytes. */
    public SpooledFile copy(InputStream in, long limit, String suffix) {
        Path file = newFile(suffix);
        try (in; DigestingOutputStream out = new DigestingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024))) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (out.size() + read > limit) {
                    throw new IngressRefusedException(413, "", "the document is larger than the limit of " + limit
                            + " bytes");
                }
                out.write(buffer, 0, read);
            }
            out.flush();
            return new SpooledFile(file, out.size(), out.sha256());
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot spool the request body", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** Deletes the files when the exchange completes, whatever the outcome. */
    public void deleteWhenDone(Exchange exchange, List<Path> files) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                files.forEach(DocumentSpool::delete);
            }
        });
    }

    public static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover in the spool folder is harmless; the folder is temporary
        }
    }
}
