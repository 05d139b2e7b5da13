package vn.lienthong.contract;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.lienthong.mapping.PortalDates;

/**
 * {@code "format": "iso-datetime-offset"}: ISO-8601 date-time with a mandatory offset, e.g.
 * {@code 2025-07-01T08:30:00+07:00} or {@code 2025-07-01T01:30:00Z}; a local time without offset is ambiguous.
 */
final class IsoDateTimeOffsetFormat implements ExplainedFormat {

    static final String NAME = "iso-datetime-offset";

    /** The shape alone: tells an impossible date (right shape, no such day) from a malformed value. */
    private static final Pattern SHAPE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})", Pattern.CASE_INSENSITIVE);

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Optional<String> problem(String value) {
        try {
            PortalDates.parseIso(value);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            if (SHAPE.matcher(value).matches()) {
                return Optional.of("impossible date: " + value + " is not a real date-time");
            }
            if (isLocalDateTime(value)) {
                return Optional.of("must have an offset, e.g. " + value + "+07:00 or " + value + "Z");
            }
            return Optional.of("must be an ISO-8601 date-time with offset, e.g. 2025-07-01T08:30:00+07:00, not \""
                    + value + "\"");
        }
    }

    private static boolean isLocalDateTime(String value) {
        try {
            LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
