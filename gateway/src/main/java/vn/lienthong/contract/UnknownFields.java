package vn.lienthong.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The properties of a message that its format's schema does not describe (a vendor's own field, a misspelt name),
 * as JSON pointers. Reads the schema as written: {@code properties}, {@code items}, {@code allOf} and local
 * {@code $ref}s ({@code #/$defs/...}); an object schema without {@code properties} describes any property.
 */
final class UnknownFields {

    private static final int MAX_REF_DEPTH = 32;

    private UnknownFields() {
    }

    static List<String> find(JsonNode schema, JsonNode value, String path) {
        List<String> unknown = new ArrayList<>();
        walk(schema, schema, value, path, unknown);
        return unknown;
    }

    private static void walk(JsonNode root, JsonNode schema, JsonNode value, String path, List<String> unknown) {
        JsonNode resolved = resolve(root, schema);
        if (value.isObject()) {
            Map<String, JsonNode> properties = properties(root, resolved);
            if (properties == null) {
                return;
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String at = path + "/" + SchemaProblems.escape(field.getKey());
                JsonNode described = properties.get(field.getKey());
                if (described == null) {
                    unknown.add(at);
                } else {
                    walk(root, described, field.getValue(), at, unknown);
                }
            }
        } else if (value.isArray()) {
            JsonNode items = resolved.get("items");
            if (items != null && items.isObject()) {
                for (int i = 0; i < value.size(); i++) {
                    walk(root, items, value.get(i), path + "/" + i, unknown);
                }
            }
        }
    }

    /** Every property a schema (and its {@code allOf} parts) names; null when it names none. */
    private static Map<String, JsonNode> properties(JsonNode root, JsonNode schema) {
        Map<String, JsonNode> named = null;
        JsonNode own = schema.get("properties");
        if (own != null && own.isObject()) {
            named = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : own.properties()) {
                named.put(p.getKey(), p.getValue());
            }
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode part : allOf) {
                Map<String, JsonNode> more = properties(root, resolve(root, part));
                if (more != null) {
                    if (named == null) {
                        named = new java.util.LinkedHashMap<>();
                    }
                    more.forEach(named::putIfAbsent);
                }
            }
        }
        return named;
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        Set<String> seen = new HashSet<>();
        for (int depth = 0; depth < MAX_REF_DEPTH; depth++) {
            JsonNode ref = current.get("$ref");
            if (ref == null || !ref.isTextual() || !ref.textValue().startsWith("#") || !seen.add(ref.textValue())) {
                return current;
            }
            JsonNode target = root.at(ref.textValue().substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            current = target;
        }
        return current;
    }
}
