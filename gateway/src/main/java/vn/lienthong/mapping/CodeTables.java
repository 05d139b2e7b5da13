package vn.lienthong.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The code tables in {@code mappings/code-tables/<table>.json}: flat JSON objects "code in" to "code out", each read
 * once. They hold what changes without a code change: status words, closed unit codes after a reorganisation.
 */
final class CodeTables {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path directory;
    private final ObjectMapper json;
    private final Map<String, Map<String, Object>> tables = new ConcurrentHashMap<>();

    CodeTables(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    /** The value the table maps {@code value} to, or {@code value} itself when the table does not list it. */
    Object lookup(String table, Object value) {
        if (value == null) {
            return null;
        }
        Object mapped = table(table).get(key(value));
        return mapped != null ? mapped : value;
    }

    Map<String, Object> table(String name) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new MappingException("not a code table name: '" + name + "'");
        }
        return tables.computeIfAbsent(name, this::load);
    }

    private Map<String, Object> load(String name) {
        Path file = directory.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new MappingException("no code table '" + name + "': " + file.toAbsolutePath() + " is missing");
        }
        try {
            JsonNode tree = json.readTree(Files.readAllBytes(file));
            if (!tree.isObject()) {
                throw new MappingException("code table " + file + " must be a flat JSON object");
            }
            Map<String, Object> table = new LinkedHashMap<>();
            tree.properties().forEach(e -> table.put(e.getKey(), PlainJson.fromTree(e.getValue())));
            return Collections.unmodifiableMap(table);
        } catch (IOException e) {
            throw new MappingException("cannot read code table " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Tables are keyed by text: the number 2 and the string "2" find the same entry. */
    private static String key(Object value) {
        Object plain = PlainJson.normalise(value);
        return String.valueOf(plain);
    }
}
