package vn.lienthong.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.ValidationMessage;

/**
 * Turns the validator's messages into {@link Problem}s a client can act on: the path points at the offending
 * property (also for {@code required} and {@code additionalProperties}), the message carries no path, custom formats
 * explain themselves, and a wrong type hides the follow-up errors on the same value.
 */
final class SchemaProblems {

    /** Sorts JSON pointers segment by segment, array indexes numerically ({@code /2} before {@code /10}). */
    static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path, SchemaProblems::comparePointers)
            .thenComparing(Problem::message);

    private final Map<String, ExplainedFormat> formats;

    SchemaProblems(Collection<ExplainedFormat> formats) {
        this.formats = formats.stream().collect(Collectors.toMap(ExplainedFormat::getName, f -> f));
    }

    /** Problems of one validated value; {@code prefix} is the pointer of that value in the body ({@code ""} or {@code /i}). */
    List<Problem> translate(Set<ValidationMessage> messages, String prefix) {
        List<Keyed> keyed = new ArrayList<>();
        for (ValidationMessage message : messages) {
            keyed.add(new Keyed(message.getType(), prefix + path(message), text(message)));
        }
        Set<String> wrongType = keyed.stream().filter(k -> "type".equals(k.keyword())).map(Keyed::path)
                .collect(Collectors.toSet());
        Set<Problem> problems = new LinkedHashSet<>();
        for (Keyed k : keyed) {
            if (!wrongType.contains(k.path()) || "type".equals(k.keyword())) {
                problems.add(new Problem(k.path(), k.message()));
            }
        }
        return new ArrayList<>(problems);
    }

    private static String path(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        return switch (message.getType()) {
            case "required", "additionalProperties", "dependentRequired" ->
                    location + "/" + escape(message.getProperty());
            default -> location;
        };
    }

    private String text(ValidationMessage message) {
        switch (message.getType()) {
            case "required":
                return "is required";
            case "additionalProperties":
                return "is not a property of this format (misspelt or unknown)";
            case "type": {
                Object[] args = message.getArguments();
                return args != null && args.length == 2
                        ? args[0] + " found, " + expectedTypes(String.valueOf(args[1])) + " expected"
                        : withoutLocation(message);
            }
            case "format": {
                Object[] args = message.getArguments();
                ExplainedFormat format = args != null && args.length > 2 ? formats.get(String.valueOf(args[0])) : null;
                if (format != null) {
                    return format.problem(String.valueOf(args[2])).orElse("has a wrong format");
                }
                return withoutLocation(message);
            }
            default:
                return withoutLocation(message);
        }
    }

    /** "[string, null]" reads "string": null is how a schema says optional, not what the client should send. */
    private static String expectedTypes(String types) {
        List<String> names = new ArrayList<>(List.of(types.replaceAll("[\\[\\]]", "").split(",\\s*")));
        if (names.size() > 1) {
            names.remove("null");
        }
        return String.join(" or ", names);
    }

    /** networknt prefixes its messages with the instance location; custom {@code errorMessage}s have no prefix. */
    private static String withoutLocation(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** RFC 6901 escaping of one pointer segment. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    static int comparePointers(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareSegments(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int compareSegments(String a, String b) {
        boolean numbers = !a.isEmpty() && !b.isEmpty() && a.chars().allMatch(Character::isDigit)
                && b.chars().allMatch(Character::isDigit) && a.length() < 10 && b.length() < 10;
        return numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
    }

    private record Keyed(String keyword, String path, String message) {
    }
}
