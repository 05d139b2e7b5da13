package vn.lienthong.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
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

    private final Path directory;

    public DocumentSpool(EdxmlProperties properties) {
        this.directory = properties.spoolDirectory();
    }

    public Path newFile(String suffix) {
        try {
            Files.createDirectories(directory);
            return directory.resolve("doc-" + UUID.randomUUID() + suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool folder " + directory, e);
        }
    }

    /** Copies a request body to a new file, refusing it with 413 past {@code limit} bytes. */
    public Path copy(InputStream in, long limit, String suffix) {
        Path file = newFile(suffix);
        try (in; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                total += read;
                if (total > limit) {
                    throw new IngressRefusedException(413, "", "the document is larger than the limit of " + limit
                            + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return file;
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
