package vn.lienthong.simulator.axis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times in the axis's answers: ISO-8601 with Viet Nam's offset ({@code 2025-07-15T09:30:12.345+07:00}). */
final class AxisTime {

    static final ZoneOffset VIET_NAM = ZoneOffset.ofHours(7);

    private AxisTime() {
    }

    static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(VIET_NAM));
    }
}
