package vn.lienthong.contract;

import java.time.format.DateTimeParseException;
import java.util.Optional;

import vn.lienthong.mapping.PortalDates;

/** {@code "format": "dvcqg-datetime"}: the national portal's {@code yyyyMMddHHmmss} in Viet Nam time, a real date. */
final class DvcqgDateTimeFormat implements ExplainedFormat {

    static final String NAME = "dvcqg-datetime";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Optional<String> problem(String value) {
        if (value.length() != 14 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("must be a date-time yyyyMMddHHmmss (14 digits, Viet Nam time), not \"" + value + "\"");
        }
        try {
            PortalDates.parsePortal(value);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("impossible date: " + value + " is not a real date-time (yyyyMMddHHmmss)");
        }
    }
}
