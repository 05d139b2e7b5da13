package vn.lienthong.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import vn.lienthong.contract.Problem;
import vn.lienthong.ingress.IngressRefusedException;
import vn.lienthong.mapping.PortalDates;

/**
 * What {@code GET /api/v1/indicators} (and the page's {@code /indicators/data}) asks: a period of days
 * ({@code yyyy-MM-dd}, Viet Nam time; this month by default), a unit (after the code table: a closed code asks for its
 * successor), a procedure and a grouping. Every problem of a bad request is listed (400).
 */
record IndicatorQuery(LocalDate from, LocalDate to, String unit, String procedure, GroupBy groupBy) {

    /** The longest period one request may ask for: ten years of days. */
    static final int MAX_DAYS = 3660;

    enum GroupBy {
        DAY, MONTH, UNIT, PROCEDURE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static IndicatorQuery of(String from, String to, String unit, String procedure, String groupBy,
                             UnaryOperator<String> successor) {
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(PortalDates.PORTAL_ZONE);
        LocalDate start = date("from", from, today.withDayOfMonth(1), problems);
        LocalDate end = date("to", to, today.withDayOfMonth(today.lengthOfMonth()), problems);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                problems.add(new Problem("from", "must not be after to (" + start + " > " + end + ")"));
            } else if (start.plusDays(MAX_DAYS).isBefore(end)) {
                problems.add(new Problem("to", "the period may span at most " + MAX_DAYS + " days"));
            }
        }
        GroupBy grouping = GroupBy.DAY;
        if (groupBy != null && !groupBy.isBlank()) {
            try {
                grouping = GroupBy.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.add(new Problem("groupBy", "must be day, month, unit or procedure, not '" + groupBy + "'"));
            }
        }
        String unitCode = text("unit", unit, 50, problems);
        String maTTHC = text("procedure", procedure, 100, problems);
        if (!problems.isEmpty()) {
            throw new IngressRefusedException(400, problems);
        }
        return new IndicatorQuery(start, end, unitCode == null ? null : successor.apply(unitCode), maTTHC, grouping);
    }

    private static LocalDate date(String name, String value, LocalDate otherwise, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException bad) {
            problems.add(new Problem(name, "must be a date yyyy-MM-dd, not '" + value + "'"));
            return null;
        }
    }

    private static String text(String name, String value, int max, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max || trimmed.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(name, "must have at most " + max + " characters, none a control character"));
            return null;
        }
        return trimmed;
    }
}
