package vn.lienthong.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.Frame;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the declarative JSONata mappings in {@code mappings/} (one file per translation, edited without touching
 * Java). Each file is compiled once; every call evaluates in a fresh frame, so one compiled mapping serves all threads.
 * This needs jsonata-java 0.9.10 or later (pinned in pom.xml): 0.9.9 grows a compiled expression's environment with
 * every evaluation, so each call was slower than the last (17-35 ms after 2,000 calls) and kept earlier inputs alive.
 * Functions bound in every mapping: {@code $code(table, value)}, {@code $toPortalDate(iso)},
 * {@code $fromPortalDate(yyyyMMddHHmmss)} (see mappings/README.md).
 */
@Component
public class Mappings {

    private static final String EXTENSION = ".jsonata";
    /** A runaway mapping must not hold a consumer thread forever. */
    private static final long TIMEOUT_MILLIS = 10_000;
    private static final int MAX_DEPTH = 500;

    private final Path directory;
    private final ObjectMapper json;
    private final CodeTables codeTables;
    private final Map<String, Jsonata> compiled = new ConcurrentHashMap<>();

    public Mappings(MappingsProperties properties, ObjectMapper json) {
        this.directory = properties.directory().toAbsolutePath().normalize();
        this.json = json;
        this.codeTables = new CodeTables(directory.resolve("code-tables"), json);
    }

    /**
     * Applies {@code mappings/<mapping>} to {@code input}.
     *
     * @param mapping   path of the mapping under {@code mappings/}, e.g. {@code portal/dossier-to-dvcqg.jsonata}
     *                  (the {@code .jsonata} extension may be left out)
     * @param input     a Jackson tree or plain maps/lists; null object fields count as absent
     * @param variables bound as {@code $name}; null values are left unbound (absent)
     * @return maps/lists/strings/booleans/numbers, whole numbers as Integer or Long; null if the mapping yields nothing
     * @throws MappingException if the mapping is missing, does not compile, or fails on this input
     */
    public Object apply(String mapping, Object input, Map<String, Object> variables) {
        Jsonata expression = compile(mapping);
        Frame frame = expression.createFrame();
        frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
        bindFunctions(frame);
        if (variables != null) {
            variables.forEach((name, value) -> {
                if (value != null) {
                    frame.bind(name, plain(value));
                }
            });
        }
        try {
            return PlainJson.normalise(expression.evaluate(plain(input), frame));
        } catch (RuntimeException e) {
            throw new MappingException("mapping " + mapping + " failed: " + rootMessage(e), e);
        }
    }

    /**
     * The value code table {@code mappings/code-tables/<table>.json} maps {@code value} to, or {@code value} itself
     * when the table does not list it: the same lookup as {@code $code(table, value)} in a mapping.
     */
    public String code(String table, String value) {
        Object mapped = codeTables.lookup(table, value);
        return mapped == null ? null : String.valueOf(mapped);
    }

    /** Compiles {@code mapping} now: lets a caller find a missing or broken mapping at startup. */
    public void preload(String mapping) {
        compile(mapping);
    }

    private Jsonata compile(String mapping) {
        String name = mapping != null && !mapping.endsWith(EXTENSION) ? mapping + EXTENSION : mapping;
        return compiled.computeIfAbsent(String.valueOf(name), this::load);
    }

    private Jsonata load(String name) {
        Path file = directory.resolve(name).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            throw new MappingException("no mapping '" + name + "' under " + directory);
        }
        try {
            return Jsonata.jsonata(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MappingException("cannot read mapping " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MappingException("mapping " + name + " does not compile: " + e.getMessage(), e);
        }
    }

    private void bindFunctions(Frame frame) {
        frame.bind("code", (Jsonata.Fn2<String, Object, Object>) codeTables::lookup);
        frame.bind("toPortalDate", (Jsonata.Fn1<Object, String>) value -> convertDate(value, true));
        frame.bind("fromPortalDate", (Jsonata.Fn1<Object, String>) value -> convertDate(value, false));
    }

    /** Absent or blank stays absent: one-stop systems send "" for a date they do not have. */
    private static String convertDate(Object value, boolean toPortal) {
        if (value == null || value == Jsonata.NULL_VALUE || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString();
        try {
            return toPortal ? PortalDates.toPortal(text) : PortalDates.fromPortal(text);
        } catch (DateTimeParseException e) {
            throw new MappingException(toPortal
                    ? "$toPortalDate needs an ISO-8601 date-time with offset, not '" + text + "'"
                    : "$fromPortalDate needs a real date-time yyyyMMddHHmmss, not '" + text + "'");
        }
    }

    private Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return PlainJson.normalise(number);
        }
        JsonNode tree = value instanceof JsonNode node ? node : json.valueToTree(value);
        return PlainJson.fromTree(tree);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof MappingException) {
                break;
            }
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
