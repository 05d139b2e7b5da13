package vn.lienthong.simulator.eoffice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times in the e-office simulator's answers: ISO-8601 with Viet Nam's offset. */
final class EofficeTime {

    private static final ZoneOffset VIET_NAM = ZoneOffset.ofHours(7);

    private EofficeTime() {
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(VIET_NAM));
    }
}
