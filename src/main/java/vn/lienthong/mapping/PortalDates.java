package vn.lienthong.mapping;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * The two date forms the gateway speaks: the national portal's {@code yyyyMMddHHmmss} in Viet Nam time and the
 * canonical ISO-8601 date-time with a mandatory offset. Both are parsed strictly: 30 February is refused.
 */
public final class PortalDates {

    /** Viet Nam time: UTC+7 all year (no daylight saving since 1975). */
    public static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** {@code yyyyMMddHHmmss}, fixed widths, real dates only. */
    public static final DateTimeFormatter PORTAL = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /** ISO-8601 with an offset ({@code Z}, {@code +07:00}, ...), fractions of a second allowed; real dates only. */
    public static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** What the gateway writes: seconds precision, the offset always as {@code +07:00}. */
    private static final DateTimeFormatter ISO_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private PortalDates() {
    }

    /** Parses {@code yyyyMMddHHmmss}; throws {@link DateTimeParseException} for a wrong shape or an impossible date. */
    public static LocalDateTime parsePortal(String value) {
        if (value.length() != 14 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DateTimeParseException("not 14 digits", value, 0);
        }
        return LocalDateTime.parse(value, PORTAL);
    }

    /** Parses an ISO-8601 date-time with offset; throws {@link DateTimeParseException}. */
    public static OffsetDateTime parseIso(String value) {
        return OffsetDateTime.parse(value, ISO_OFFSET);
    }

    /** ISO-8601 with any offset to the portal's {@code yyyyMMddHHmmss} in Viet Nam time (fractions dropped). */
    public static String toPortal(String iso) {
        return parseIso(iso).atZoneSameInstant(PORTAL_ZONE).format(PORTAL);
    }

    /** The portal's {@code yyyyMMddHHmmss} (Viet Nam time) to ISO-8601 with {@code +07:00}. */
    public static String fromPortal(String portal) {
        return parsePortal(portal).atZone(PORTAL_ZONE).format(ISO_OUT);
    }
}
