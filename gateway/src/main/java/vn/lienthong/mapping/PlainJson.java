package vn.lienthong.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;

/** Converts between Jackson trees and the plain maps/lists/numbers JSONata works on, both ways. */
final class PlainJson {

    private PlainJson() {
    }

    /**
     * A Jackson tree as plain Java values. A {@code null} object field is dropped: for a mapping, null and absent
     * mean the same, and absent fields stay absent in the output.
     */
    static Object fromTree(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    map.put(e.getKey(), fromTree(e.getValue()));
                }
            });
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(fromTree(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue()
                    : node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue(); // JSONata computes with doubles
        }
        return node.asText();
    }

    /**
     * A JSONata result as plain Java values: JSONata's own list types become {@link ArrayList}s, its null marker
     * {@code null}, and whole doubles Integer or Long so Jackson writes {@code 2}, not {@code 2.0}.
     */
    static Object normalise(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(normalise(item)));
            return out;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return wholeNumber((Number) value);
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return narrow(big.longValue());
        }
        return value;
    }

    private static Number wholeNumber(Number number) {
        double d = number.doubleValue();
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return narrow((long) d); // beyond 2^53 a double is not an exact integer any more
        }
        return number;
    }

    private static Number narrow(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Number) (int) value : (Number) value;
    }
}
