package vn.lienthong.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.audit.AuditAction;
import vn.lienthong.audit.AuditTrail;
import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressReply;
import vn.lienthong.mapping.Mappings;
import vn.lienthong.mapping.PortalDates;

/**
 * Answers {@code GET /api/v1/indicators} (JSON, or CSV for {@code Accept: text/csv}) and the page's
 * {@code /indicators/data} from the aggregates ({@code indicator_day}) the fold keeps: a sum over the period's days,
 * never a scan of the trail; and {@code POST /api/v1/indicators/recompute}.
 */
@Component("indicators")
public class Indicators {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Mappings mappings;
    private final IndicatorFold fold;
    private final AuditTrail audit;
    private final int lateListed;

    public Indicators(JdbcTemplate jdbc, ObjectMapper json, Mappings mappings, IndicatorFold fold, AuditTrail audit,
                      IndicatorProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.mappings = mappings;
        this.fold = fold;
        this.audit = audit;
        this.lateListed = properties.lateListed();
    }

    /** Route step: the figures the request's parameters ask for, as JSON or (Accept: text/csv) CSV. */
    public void answer(Exchange exchange) {
        Message in = exchange.getIn();
        IndicatorQuery query = query(in.getHeader("from", String.class), in.getHeader("to", String.class),
                in.getHeader("unit", String.class), in.getHeader("procedure", String.class),
                in.getHeader("groupBy", String.class));
        Map<String, Object> figures = figures(query);
        String accept = in.getHeader("Accept", String.class);
        in.setBody(accept != null && accept.contains("text/csv")
                ? new IngressReply.Text("text/csv; charset=utf-8", csv(figures)) : figures);
    }

    /** Route step (operators): every dossier folded again; the answer says how many and how long it took. */
    public void recompute(Exchange exchange) {
        long started = System.nanoTime();
        long folded = fold.recompute();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        audit.operatorAction(ClientGate.client(exchange).id(), AuditAction.RECOMPUTE, "indicators",
                folded + " dossiers in " + tookMs + " ms");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossiersFolded", folded);
        body.put("tookMs", tookMs);
        exchange.getIn().setBody(body);
    }

    /** The request's parameters checked (400 with every problem). */
    public IndicatorQuery query(String from, String to, String unit, String procedure, String groupBy) {
        return IndicatorQuery.of(from, to, unit, procedure, groupBy, Definitions.successors(mappings));
    }

    /** {@code {from, to, unit, procedure, groupBy, totals, groups, late, lateTotal, failures}}. */
    public Map<String, Object> figures(IndicatorQuery query) {
        List<Object> arguments = new ArrayList<>(List.of(query.from(), query.to()));
        String where = where(query, arguments);
        String column = switch (query.groupBy()) {
            case DAY, MONTH -> "on_day";
            case UNIT -> "unit_code";
            case PROCEDURE -> "ma_tthc";
        };
        String sums = String.join(", ", Counter.ALL.stream().map(c -> "sum(" + c.column + ")").toList());
        Map<String, long[]> groups = new TreeMap<>();
        long[] totals = Counter.zeros();
        // Without a procedure, the per-unit sums: a row per unit and day instead of one per procedure too.
        String table = query.procedure() == null && query.groupBy() != IndicatorQuery.GroupBy.PROCEDURE
                ? "indicator_unit_day" : "indicator_day";
        jdbc.query("select " + column + ", " + sums + " from " + table + " where " + where + " group by " + column,
                rs -> {
                    String key = key(rs, query.groupBy());
                    long[] sum = groups.computeIfAbsent(key, k -> Counter.zeros());
                    for (int i = 0; i < Counter.COUNT; i++) {
                        long n = rs.getLong(i + 2);
                        sum[i] += n;
                        totals[i] += n;
                    }
                }, arguments.toArray());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("unit", query.unit());
        body.put("procedure", query.procedure());
        body.put("groupBy", query.groupBy().wire());
        body.put("totals", Figures.of(totals));
        List<Map<String, Object>> list = new ArrayList<>(groups.size());
        groups.forEach((key, counts) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("key", key);
            group.putAll(Figures.of(counts));
            list.add(group);
        });
        body.put("groups", list);
        late(query, body);
        body.put("failures", failures(query));
        return body;
    }

    private static String where(IndicatorQuery query, List<Object> arguments) {
        StringBuilder where = new StringBuilder("on_day between ? and ?");
        if (query.unit() != null) {
            where.append(" and unit_code = ?");
            arguments.add(query.unit());
        }
        if (query.procedure() != null) {
            where.append(" and ma_tthc = ?");
            arguments.add(query.procedure());
        }
        return where.toString();
    }

    private static String key(ResultSet rs, IndicatorQuery.GroupBy groupBy) throws SQLException {
        return switch (groupBy) {
            case DAY -> rs.getObject(1, LocalDate.class).toString();
            case MONTH -> rs.getObject(1, LocalDate.class).toString().substring(0, 7);
            case UNIT, PROCEDURE -> rs.getString(1);
        };
    }

    /** The dossiers of the period finished after their NgayHenTra: the first {@code late-listed}, and how many. */
    private void late(IndicatorQuery query, Map<String, Object> body) {
        List<Object> arguments = new ArrayList<>(List.of(query.from(), query.to()));
        String where = where(query, arguments).replace("on_day between", "late_day between");
        Long total = jdbc.queryForObject("select count(*) from indicator_dossier where " + where, Long.class,
                arguments.toArray());
        arguments.add(lateListed);
        List<Map<String, Object>> late = jdbc.query("select ma_ho_so, unit_code, ma_tthc, dossier_values"
                + " from indicator_dossier where " + where + " order by late_day, ma_ho_so fetch first ? rows only",
                (rs, n) -> {
                    DossierValues values = readValues(rs.getString("dossier_values"));
                    Map<String, Object> dossier = new LinkedHashMap<>();
                    dossier.put("maHoSo", rs.getString("ma_ho_so"));
                    dossier.put("maDonVi", rs.getString("unit_code"));
                    dossier.put("maTTHC", rs.getString("ma_tthc"));
                    dossier.put("tenTTHC", values.tenTTHC());
                    dossier.put("ngayTiepNhan", text(values.receivedAt()));
                    dossier.put("ngayHenTra", text(values.dueAt()));
                    dossier.put("ngayTra", text(values.returnedAt()));
                    return dossier;
                }, arguments.toArray());
        body.put("late", late);
        body.put("lateTotal", total == null ? 0 : total);
    }

    /**
     * What failed on the period's days (the province's, whatever unit or procedure is asked): the portal's refusals
     * per error_code, the dead letters and quarantined messages per flow; and the messages held now, per destination
     * and reason.
     */
    private Map<String, Object> failures(IndicatorQuery query) {
        Map<String, Object> failures = new LinkedHashMap<>();
        failures.put("portalRejections", outcome(query, IndicatorFailures.REJECTED_BY_PORTAL, "code"));
        failures.put("deadLetters", outcome(query, IndicatorFailures.DEAD_LETTERED, "flow"));
        failures.put("quarantined", outcome(query, IndicatorFailures.QUARANTINED, "flow"));
        failures.put("held", jdbc.query("""
                select destination, reason, count(*) as n from (
                  select destination, case when parked then 'parked' when attempts > 0 then 'destination failing'
                                           else 'behind an earlier message' end as reason
                  from held_message) h
                group by destination, reason order by destination, reason""", (rs, n) -> {
            Map<String, Object> held = new LinkedHashMap<>();
            held.put("destination", rs.getString("destination"));
            held.put("reason", rs.getString("reason"));
            held.put("count", rs.getLong("n"));
            return held;
        }));
        return failures;
    }

    private List<Map<String, Object>> outcome(IndicatorQuery query, String outcome, String by) {
        String column = by.equals("code") ? "code" : "flow";
        return jdbc.query("select " + column + " as k, sum(count) as n from indicator_failure"
                + " where outcome = ? and on_day between ? and ? group by " + column + " order by " + column, (rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(by, rs.getString("k"));
            row.put("count", rs.getLong("n"));
            return row;
        }, outcome, query.from(), query.to());
    }

    /** The groups, then the totals as a last row named {@code totals}; the header row has the JSON's field names. */
    static String csv(Map<String, Object> figures) {
        StringBuilder csv = new StringBuilder("key,").append(String.join(",", Figures.FIELDS)).append("\r\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) figures.get("groups");
        for (Map<String, Object> group : groups) {
            row(csv, String.valueOf(group.get("key")), group);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) figures.get("totals");
        row(csv, "totals", totals);
        return csv.toString();
    }

    private static void row(StringBuilder csv, String key, Map<String, Object> values) {
        csv.append(quoted(key));
        for (String field : Figures.FIELDS) {
            Object value = values.get(field);
            csv.append(',').append(value == null ? "" : value.toString());
        }
        csv.append("\r\n");
    }

    /** A key as a CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
    private static String quoted(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean plain = safe.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private DossierValues readValues(String values) {
        try {
            return json.readValue(values, DossierValues.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("indicator_dossier.dossier_values is not what the recorder wrote", e);
        }
    }

    /** A date as the page shows it: in Viet Nam time, with its offset. */
    private static String text(OffsetDateTime value) {
        return value == null ? null : value.atZoneSameInstant(PortalDates.PORTAL_ZONE).toOffsetDateTime().toString();
    }
}
