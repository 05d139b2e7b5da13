package vn.lienthong.simulator.dvcqg;

import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** Where the simulator's accepted changes survive a restart: one JSON record per change, replayed in order. */
public interface DvcqgJournal extends AutoCloseable {

    /** Feeds every stored record, oldest first, to {@code record}. */
    void replay(Consumer<JsonNode> record);

    /** Appends the records; they are written and flushed when this returns. */
    void append(List<? extends JsonNode> records);

    /** Forgets every record. */
    void truncate();

    @Override
    void close();

    /** A journal that keeps nothing: the simulator lives in memory only. */
    static DvcqgJournal none() {
        return new DvcqgJournal() {
            @Override
            public void replay(Consumer<JsonNode> record) {
            }

            @Override
            public void append(List<? extends JsonNode> records) {
            }

            @Override
            public void truncate() {
            }

            @Override
            public void close() {
            }
        };
    }
}
