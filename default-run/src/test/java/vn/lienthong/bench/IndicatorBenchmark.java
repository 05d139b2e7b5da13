package vn.lienthong.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The indicators' API over a year of history in PostgreSQL: {@code dossiers} dossiers of 2025 (about five progress
 * items each) written straight into {@code indicator_dossier} as the gateway would have recorded them, spread over
 * 160 units and 600 procedures (a few of each take most dossiers, as in a real province), not yet folded (as after
 * a change of definition), then folded by the gateway's own recompute; then the whole province's month (by day) and year (by month, and by unit) asked over HTTP, each many
 * times. Prints a table and a {@code BENCH-INDICATORS {json}} line; wrong totals fail, times are reported.
 */
final class IndicatorBenchmark {

    private static final String OPERATOR_KEY = "demo-operator-key";
    private static final int SEED_CHUNK = 100_000;

    /** One query's timings (milliseconds, sorted). */
    record Timing(String name, String query, double[] millis) {
        double p50() {
            return millis[millis.length / 2];
        }

        double p95() {
            return millis[(int) Math.ceil(millis.length * 0.95) - 1];
        }

        double max() {
            return millis[millis.length - 1];
        }
    }

    record Result(long dossiers, long progressItems, long dayRows, double seedSeconds, double recomputeSeconds,
                  List<Timing> timings, List<String> problems) {
    }

    private final BenchSettings settings;
    private final int dossiers;
    private final int repeats;
    private final BenchHttp http = new BenchHttp();

    IndicatorBenchmark(BenchSettings settings, int dossiers, int repeats) {
        this.settings = settings;
        this.dossiers = dossiers;
        this.repeats = repeats;
    }

    Result run() throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .start();
             BenchProcesses p = BenchProcesses.start(settings, http, "indicators-", List.of("-Xmx512m"), List.of(
                     "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"))) {
            DataSource db = postgres.getPostgresDatabase();
            long started = System.nanoTime();
            long progress = seed(db);
            double seedSeconds = seconds(started);

            started = System.nanoTime();
            BenchHttp.Reply recomputed = http.post(p.gatewayUrl + "/api/v1/indicators/recompute",
                    Map.of("X-API-Key", OPERATOR_KEY), HttpRequest.BodyPublishers.noBody());
            double recomputeSeconds = seconds(started);
            List<String> problems = new ArrayList<>();
            if (recomputed.status() != 200) {
                problems.add("recompute answered " + recomputed.status() + ": " + recomputed.text());
            }
            System.out.printf("recomputed %s dossiers in %.1f s%n", recomputed.json().path("dossiersFolded"),
                    recomputeSeconds);
            long dayRows = count(db, "select count(*) from indicator_day");
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("analyze");
            }

            List<Timing> timings = new ArrayList<>();
            timings.add(time(p, "month, by day", "from=2025-06-01&to=2025-06-30&groupBy=day"));
            timings.add(time(p, "year, by month", "from=2025-01-01&to=2025-12-31&groupBy=month"));
            timings.add(time(p, "year, by unit", "from=2025-01-01&to=2025-12-31&groupBy=unit"));
            timings.add(time(p, "month, one unit", "from=2025-06-01&to=2025-06-30&unit=000.00.01.H31"));

            JsonNode year = get(p, "from=2025-01-01&to=2025-12-31&groupBy=month");
            if (year.path("totals").path("received").asLong() != dossiers) {
                problems.add("the year's received is " + year.path("totals").path("received") + ", not " + dossiers);
            }
            if (year.path("totals").path("progressReceived").asLong() != progress) {
                problems.add("the year's progressReceived is " + year.path("totals").path("progressReceived")
                        + ", not " + progress);
            }
            return new Result(dossiers, progress, dayRows, seedSeconds, recomputeSeconds, timings, problems);
        }
    }

    /** Writes the dossiers in chunks, with a progress line; returns their progress items. */
    private long seed(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("select setseed(0.766)");
            for (int from = 1; from <= dossiers; from += SEED_CHUNK) {
                int to = Math.min(dossiers, from + SEED_CHUNK - 1);
                s.executeUpdate(seedStatement(from, to));
                System.out.printf("seeded %d of %d dossiers%n", to, dossiers);
            }
        }
        return count(db, "select sum(progress_received) from indicator_dossier");
    }

    /**
     * Dossiers {@code from}..{@code to}: received on a day of 2025 (8:00-17:00 Viet Nam time), 55 % online, 35 % in
     * person, 10 % by post; due 1-15 days later, 85 % finished, some late; synced within 30 s; 1-9 progress items;
     * paid online, digitised, VNeID at 40, 60, 50 %; rated by 30 %.
     */
    private static String seedStatement(int from, int to) {
        return """
                insert into indicator_dossier (ma_ho_so, dossier_values, values_at, first_accepted_at, synced_at,
                  progress_received, progress_synced, rating, complaint, version, folded_version, dirty)
                select 'BENCH-' || lpad(i::text, 9, '0'),
                  json_build_object(
                    'unitCode', format('000.00.%s.H31', lpad(floor(r1 * r1 * 160)::int::text, 2, '0')),
                    'maTTHC', format('1.%s.000.00.00.H31', lpad(floor(r2 * r2 * r2 * 600)::int::text, 6, '0')),
                    'tenTTHC', 'Thủ tục hành chính',
                    'channel', case when r3 < 0.55 then 2 when r3 < 0.9 then 1 else 3 end,
                    'receivedAt', to_char(rec at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"'),
                    'dueAt', to_char(due at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"'),
                    'returnedAt', case when r4 < 0.85 then to_char((rec + (due - rec) * (r5 * 1.15))
                        at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"') end,
                    'paidOnline', r6 < 0.4, 'digitised', r7 < 0.6, 'vneid', r8 < 0.5,
                    'partsDigitised', floor(r7 * 4)::int, 'partsReused', floor(r8 * 2)::int,
                    'partsFromNationalStore', floor(r6 * 2)::int, 'resultsIssued', case when r4 < 0.85 then 1 else 0 end
                  )::text,
                  rec, rec, rec + r9 * interval '30 seconds', 1 + floor(r10 * 9)::int, 1 + floor(r10 * 9)::int,
                  case when r9 < 0.3 then 1 + floor(r5 * 5)::int end, r9 < 0.003, 1, 0, false
                from (
                  select i, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10,
                    timestamptz '2025-01-01 08:00:00+07' + floor(r1b * 365) * interval '1 day'
                      + r2b * interval '9 hours' as rec,
                    timestamptz '2025-01-01 08:00:00+07' + floor(r1b * 365) * interval '1 day'
                      + r2b * interval '9 hours' + (1 + floor(r3b * 15)) * interval '1 day' as due
                  from (
                    select i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
                      random() r7, random() r8, random() r9, random() r10, random() r1b, random() r2b, random() r3b
                    from generate_series(:from, :to) i
                  ) r
                ) d
                """.replace(":from", Integer.toString(from)).replace(":to", Integer.toString(to));
    }

    private Timing time(BenchProcesses p, String name, String query) throws IOException {
        for (int i = 0; i < Math.max(3, repeats / 5); i++) {
            get(p, query); // warm-up: the JIT and PostgreSQL's cache
        }
        double[] millis = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            get(p, query);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        Timing timing = new Timing(name, query, millis);
        System.out.printf(Locale.ROOT, "%-18s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", name, timing.p50(),
                timing.p95(), timing.max());
        return timing;
    }

    private JsonNode get(BenchProcesses p, String query) throws IOException {
        BenchHttp.Reply reply = http.get(p.gatewayUrl + "/api/v1/indicators?" + query,
                Map.of("X-API-Key", OPERATOR_KEY));
        if (reply.status() != 200) {
            throw new IllegalStateException("GET /api/v1/indicators?" + query + " answered " + reply.status() + ": "
                    + reply.text());
        }
        return reply.json();
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "%nlienthong indicators benchmark: %d dossiers, %d progress items of 2025 in"
                        + " PostgreSQL, %d rows of indicator_day%n", r.dossiers(), r.progressItems(), r.dayRows());
        System.out.printf(Locale.ROOT, "  seeded in %.1f s; recomputed (every dossier folded) in %.1f s, %.0f"
                + " dossiers/s%n", r.seedSeconds(), r.recomputeSeconds(), r.dossiers() / r.recomputeSeconds());
        for (Timing t : r.timings()) {
            System.out.printf(Locale.ROOT, "  %-18s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d requests over"
                    + " HTTP)%n", t.name(), t.p50(), t.p95(), t.max(), t.millis().length);
        }
        Timing month = r.timings().get(0);
        Timing year = r.timings().get(1);
        System.out.printf(Locale.ROOT, "targets%n  a month < 100 ms   %s (p95 %.1f ms)%n  a year < 1 s       %s (p95 %.1f"
                        + " ms)%n", month.p95() < 100 ? "MET" : "MISSED", month.p95(), year.p95() < 1000 ? "MET" : "MISSED",
                year.p95());
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"dossiers\":%d,\"progressItems\":%d,\"dayRows\":%d,\"recomputeSeconds\":%.1f",
                r.dossiers(), r.progressItems(), r.dayRows(), r.recomputeSeconds()));
        for (Timing t : r.timings()) {
            json.append(String.format(Locale.ROOT, ",\"%s\":{\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"maxMs\":%.1f}",
                    t.name().replace(", ", "_").replace(' ', '_'), t.p50(), t.p95(), t.max()));
        }
        System.out.println("BENCH-INDICATORS " + json.append('}'));
        r.problems().forEach(problem -> System.out.println("PROBLEM " + problem));
    }
}
