package vn.lienthong.simulator.dvcqg;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON-lines file: one UTF-8 line per record, appended through a buffer and flushed before each append returns. */
public final class DvcqgFileJournal implements DvcqgJournal {

    private static final Logger log = LoggerFactory.getLogger(DvcqgFileJournal.class);

    private final Path file;
    private final DvcqgJson json;
    private OutputStream out; // guarded by this

    public DvcqgFileJournal(Path file, DvcqgJson json) {
        this.file = file.toAbsolutePath();
        this.json = json;
        try {
            Path parent = this.file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            endTornLine();
            this.out = openForAppend();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open DVCQG simulator journal " + this.file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void replay(Consumer<JsonNode> record) {
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.read(line);
                } catch (IOException e) {
                    // a line torn by a crash mid-write: that change was never answered as accepted
                    log.warn("DVCQG simulator journal {} line {} skipped: {}", file, lineNumber, DvcqgJson.describe(e));
                    continue;
                }
                record.accept(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay DVCQG simulator journal " + file, e);
        }
    }

    @Override
    public synchronized void append(List<? extends JsonNode> records) {
        try {
            for (JsonNode record : records) {
                out.write(json.write(record));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to DVCQG simulator journal " + file, e);
        }
    }

    @Override
    public synchronized void truncate() {
        try {
            out.close();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
                channel.truncate(0);
            }
            out = openForAppend();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate DVCQG simulator journal " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("closing DVCQG simulator journal {} failed: {}", file, e.toString());
        }
    }

    private OutputStream openForAppend() throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), 64 * 1024);
    }

    /** Without this, the first record after a torn last line would be glued to it and lost on the next replay. */
    private void endTornLine() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), channel.size());
            }
        }
    }
}
