package vn.lienthong.simulator;

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
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Where a simulator's index survives a restart: a JSON-lines file, one UTF-8 line per record, flushed before each
 * append returns and replayed in order at start. A line torn by a crash is skipped (it was never answered as done).
 * The same shape as the DVCQG simulator's journal; shared by the axis and e-office simulators.
 */
public final class JsonLinesJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final Path file;
    private OutputStream out; // guarded by this

    /** @param name what the log lines call it ("axis simulator journal") */
    public JsonLinesJournal(String name, Path file) {
        this.name = name;
        this.file = file.toAbsolutePath();
        try {
            Files.createDirectories(this.file.getParent());
            endTornLine();
            this.out = openForAppend();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + name + " " + this.file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Feeds every stored record, oldest first. */
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
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    log.warn("{} {} line {} skipped: {}", name, file, lineNumber, e.getOriginalMessage());
                    continue;
                }
                record.accept(node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay " + name + " " + file, e);
        }
    }

    /** Appends one record; it is written and flushed when this returns. */
    public synchronized void append(JsonNode record) {
        try {
            out.write(JSON.writeValueAsBytes(record));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + name + " " + file, e);
        }
    }

    /** Forgets every record. */
    public synchronized void truncate() {
        try {
            out.close();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
                channel.truncate(0);
            }
            out = openForAppend();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + name + " " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            log.warn("closing {} {} failed: {}", name, file, e.toString());
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
