package vn.lienthong.edxml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** edXML dates {@code yyyy/MM/dd} and timestamps {@code yyyy/MM/dd HH:mm:ss}, strictly (no 2024/02/30). */
final class EdxmlDates {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private EdxmlDates() {
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text, DATE);
    }

    static LocalDateTime timestamp(String text) {
        return text == null ? null : LocalDateTime.parse(text, TIMESTAMP);
    }

    /** {@code null} when {@code text} is a real date in yyyy/MM/dd, otherwise why not. */
    static String dateProblem(String text) {
        try {
            date(text);
            return null;
        } catch (DateTimeParseException e) {
            return "'" + text + "' is not a real date in the form yyyy/MM/dd";
        }
    }

    static String timestampProblem(String text) {
        try {
            timestamp(text);
            return null;
        } catch (DateTimeParseException e) {
            return "'" + text + "' is not a real time in the form yyyy/MM/dd HH:mm:ss";
        }
    }
}
