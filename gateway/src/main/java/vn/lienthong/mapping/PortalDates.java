package vn.lienthong.mapping;

import java.time.DateTimeException;
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

    private PortalDates() {
    }

    /** Parses {@code yyyyMMddHHmmss}; throws {@link DateTimeParseException} for a wrong shape or an impossible date. */
    public static LocalDateTime parsePortal(String value) {
        if (value.length() != 14 || !digits(value, 0, 14)) {
            throw new DateTimeParseException("not 14 digits", value, 0);
        }
        return realDate(value, 0, 4, 6, 8, 10, 12);
    }

    /**
     * The date whose fields start at these positions (4 digits of year, then 2 each), read by hand: a formatter costs
     * microseconds per date and every message has several. LocalDateTime.of refuses an impossible date as the strict
     * formatter does.
     */
    private static LocalDateTime realDate(String text, int year, int month, int day, int hour, int minute, int second) {
        try {
            return LocalDateTime.of(number(text, year, year + 4), number(text, month, month + 2),
                    number(text, day, day + 2), number(text, hour, hour + 2), number(text, minute, minute + 2),
                    number(text, second, second + 2));
        } catch (DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), text, 0, e);
        }
    }

    /** Parses an ISO-8601 date-time with offset; throws {@link DateTimeParseException}. */
    public static OffsetDateTime parseIso(String value) {
        return OffsetDateTime.parse(value, ISO_OFFSET);
    }

    /** ISO-8601 with any offset to the portal's {@code yyyyMMddHHmmss} in Viet Nam time (fractions dropped). */
    public static String toPortal(String iso) {
        if (isPlainVietNamTime(iso)) {
            // The common case, yyyy-MM-ddTHH:mm:ss+07:00: the same digits, once the date is known to be real.
            realDate(iso, 0, 5, 8, 11, 14, 17);
            return new StringBuilder(14).append(iso, 0, 4).append(iso, 5, 7).append(iso, 8, 10)
                    .append(iso, 11, 13).append(iso, 14, 16).append(iso, 17, 19).toString();
        }
        return parseIso(iso).atZoneSameInstant(PORTAL_ZONE).format(PORTAL);
    }

    /** The portal's {@code yyyyMMddHHmmss} (Viet Nam time) to ISO-8601 with {@code +07:00}. */
    public static String fromPortal(String portal) {
        parsePortal(portal);
        return new StringBuilder(25).append(portal, 0, 4).append('-').append(portal, 4, 6).append('-')
                .append(portal, 6, 8).append('T').append(portal, 8, 10).append(':').append(portal, 10, 12)
                .append(':').append(portal, 12, 14).append("+07:00").toString();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss+07:00}, digits where digits belong (whether the date is real is checked after). */
    private static boolean isPlainVietNamTime(String iso) {
        return iso.length() == 25 && iso.endsWith("+07:00") && iso.charAt(4) == '-' && iso.charAt(7) == '-'
                && iso.charAt(10) == 'T' && iso.charAt(13) == ':' && iso.charAt(16) == ':'
                && digits(iso, 0, 4) && digits(iso, 5, 7) && digits(iso, 8, 10) && digits(iso, 11, 13)
                && digits(iso, 14, 16) && digits(iso, 17, 19);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String digits, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (digits.charAt(i) - '0');
        }
        return n;
    }
}
