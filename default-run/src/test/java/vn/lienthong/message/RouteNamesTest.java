package vn.lienthong.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import vn.lienthong.contract.MessageKind;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.delivery.DestinationCircuits;
import vn.lienthong.order.DeliveryOrder;

/**
 * Names declared once: every header and exchange property a route in routes/ reads or writes is declared in
 * {@link ExchangeNames} (a header as a header, a property as a property), and every value a route compares one with,
 * or sets it to, is one it can have. A typo no longer falls silently into a route's {@code otherwise}. The code holds
 * no {@code "Lienthong..."} name of its own either.
 */
class RouteNamesTest {

    /** {@code ${header.X}}, {@code ${headers.X}}, {@code ${in.header.X}}, {@code ${exchangeProperty.X}} and a comparison. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{(in\\.header|in\\.headers|header|headers|exchangeProperty)\\.([A-Za-z0-9_]+)}"
                    + "(?:\\s*(?:==|!=)\\s*'?([A-Za-z0-9_-]+)'?)?");
    /** A route template's parameter standing for a value: {@code {{kind}}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{([A-Za-z0-9_-]+)}}");
    private static final Set<String> STEPS = Set.of("setHeader", "removeHeader", "setProperty", "removeProperty");
    private static final Set<String> BOOLEAN = Set.of("true", "false", "null");

    /** The values a route may compare a name with, or set it to; a name compared and missing here fails. */
    private static final Map<String, Set<String>> VALUES = Map.of(
            Header.KIND, names(MessageKind.values()),
            Header.RELAYED, BOOLEAN,
            Property.ORDER_DECISION, names(DeliveryOrder.Decision.values()),
            Property.REPEATED, BOOLEAN,
            Property.PARK, BOOLEAN,
            Property.BATCH, BOOLEAN,
            Property.HELD, Set.of("null"),
            Property.DOCUMENT_FILE, Set.of("null"),
            Property.DESTINATION, Set.copyOf(DestinationCircuits.DESTINATIONS));

    @Test
    void everyNameTheRoutesUseIsDeclaredWithTheValuesTheyCompare() throws IOException {
        Path routes = Stream.of(Path.of("routes"), Path.of("../routes")).filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new AssertionError("no routes/ folder beside the tests"));
        List<String> problems = new ArrayList<>();
        Map<String, String> yamls = new TreeMap<>();
        try (Stream<Path> files = Files.list(routes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                yamls.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        int references = 0;
        Map<String, String> bindings = new TreeMap<>();
        yamls.values().forEach(yaml -> bindings.putAll(templateBindings(yaml)));
        for (var file : yamls.entrySet()) {
            references += check(file.getKey(), file.getValue(), problems);
            checkInstances(file.getKey(), file.getValue(), bindings, problems);
        }

        assertThat(problems).isEmpty();
        assertThat(references).as("the routes read and write names (the scan found them)").isGreaterThan(15);
        assertThat(bindings).as("the templates set names from their parameters (the scan found them)")
                .containsEntry("api-intake/kind", Header.KIND);
    }

    @Test
    void aTemplatedRouteSettingANameToAValueItCanNeverHaveIsFound() {
        String template = """
                - routeTemplate:
                    id: intake
                    parameters:
                      - name: kind
                    route:
                      from:
                        uri: direct:intake
                        steps:
                          - setHeader:
                              name: LienthongKind
                              constant: "{{kind}}"
                """;
        List<String> problems = new ArrayList<>();
        checkInstances("flow.yaml", """
                - templatedRoute:
                    routeTemplateRef: intake
                    routeId: flow-intake
                    parameters:
                      - { name: kind, value: DOSIER }
                """, templateBindings(template), problems);

        assertThat(problems).singleElement().asString().contains("DOSIER").contains("flow-intake");
    }

    @Test
    void aTypoInANameOrAValueIsFound() {
        List<String> problems = new ArrayList<>();
        check("typo.yaml", """
                - route:
                    id: typo
                    from:
                      uri: direct:typo
                      steps:
                        - setHeader:
                            name: LienthongKnd
                            constant: DOSSIER
                        - setHeader:
                            name: LienthongKind
                            constant: DOSIER
                        - choice:
                            when:
                              - simple: "${exchangeProperty.LienthongOrderDecision} == 'HODL'"
                              - simple: "${header.LienthongOrderDecision} == 'HOLD'"
                              - simple: "${exchangeProperty.LienthongRepeatd} == false"
                """, problems);

        assertThat(problems).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("LienthongKnd"))
                .anySatisfy(p -> assertThat(p).contains("DOSIER"))
                .anySatisfy(p -> assertThat(p).contains("HODL"))
                .anySatisfy(p -> assertThat(p).contains("header LienthongOrderDecision"))
                .anySatisfy(p -> assertThat(p).contains("LienthongRepeatd"));
    }

    @Test
    void theCodeNamesNoHeaderOrPropertyOfItsOwn() throws IOException {
        Path main = Stream.of(Path.of("gateway/src/main/java"), Path.of("src/main/java"))
                .filter(Files::isDirectory).findFirst().orElseThrow();
        Pattern literal = Pattern.compile("\"Lienthong[A-Z][A-Za-z0-9]*\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("ExchangeNames.java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(main.relativize(file) + ": " + m.group());
                }
            }
        }

        assertThat(found).as("declare them in ExchangeNames").isEmpty();
    }

    /** Checks one route file; returns how many names it read or wrote. */
    private static int check(String file, String yaml, List<String> problems) {
        Set<String> headers = declared(Header.class);
        Set<String> properties = declared(Property.class);
        int[] count = {0};
        walk(new Yaml().load(yaml), null, (key, node) -> {
            if (node instanceof Map<?, ?> step && key != null && STEPS.contains(key)) {
                boolean header = key.endsWith("Header");
                String name = String.valueOf(step.get("name"));
                count[0]++;
                Object constant = step.get("constant");
                if (declaredAs(file, header, name, headers, properties, problems) && constant != null
                        && !PARAMETER.matcher(String.valueOf(constant)).matches()) {
                    value(file, name, String.valueOf(constant), problems);
                }
            }
            if (node instanceof String text) {
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    count[0]++;
                    boolean header = !m.group(1).equals("exchangeProperty");
                    if (declaredAs(file, header, m.group(2), headers, properties, problems) && m.group(3) != null) {
                        value(file, m.group(2), m.group(3), problems);
                    }
                }
            }
        });
        return count[0];
    }

    /**
     * The names route templates set from a parameter ({@code constant: "{{kind}}"}), as "template/parameter" to the
     * name: each instance's value of that parameter is then checked as the value of the name.
     */
    private static Map<String, String> templateBindings(String yaml) {
        Map<String, String> bindings = new TreeMap<>();
        for (Object item : new Yaml().<List<Object>>load(yaml)) {
            if (item instanceof Map<?, ?> entry && entry.get("routeTemplate") instanceof Map<?, ?> template) {
                walk(template, null, (key, node) -> {
                    if (node instanceof Map<?, ?> step && key != null && STEPS.contains(key)
                            && step.get("constant") != null) {
                        Matcher m = PARAMETER.matcher(String.valueOf(step.get("constant")));
                        if (m.matches()) {
                            bindings.put(template.get("id") + "/" + m.group(1), String.valueOf(step.get("name")));
                        }
                    }
                });
            }
        }
        return bindings;
    }

    /** Each templatedRoute's parameters that set a name: their values must be values the name can have. */
    private static void checkInstances(String file, String yaml, Map<String, String> bindings, List<String> problems) {
        for (Object item : new Yaml().<List<Object>>load(yaml)) {
            if (item instanceof Map<?, ?> entry && entry.get("templatedRoute") instanceof Map<?, ?> instance
                    && instance.get("parameters") instanceof List<?> parameters) {
                for (Object parameter : parameters) {
                    if (parameter instanceof Map<?, ?> p) {
                        String name = bindings.get(instance.get("routeTemplateRef") + "/" + p.get("name"));
                        if (name != null) {
                            value(file + " (" + instance.get("routeId") + ")", name, String.valueOf(p.get("value")),
                                    problems);
                        }
                    }
                }
            }
        }
    }

    /** Whether the name is declared as what the route uses it as (Camel's own names are Camel's). */
    private static boolean declaredAs(String file, boolean header, String name, Set<String> headers,
                                      Set<String> properties, List<String> problems) {
        if (name.startsWith("Camel")) {
            return false;
        }
        if (!(header ? headers : properties).contains(name)) {
            problems.add(file + ": " + (header ? "header " : "exchange property ") + name
                    + " is not declared in ExchangeNames." + (header ? "Header" : "Property"));
            return false;
        }
        return true;
    }

    private static void value(String file, String name, String value, List<String> problems) {
        Set<String> allowed = VALUES.get(name);
        if (allowed == null) {
            problems.add(file + ": " + name + " is compared with or set to '" + value
                    + "': declare the values it can have in RouteNamesTest.VALUES");
        } else if (!allowed.contains(value)) {
            problems.add(file + ": " + name + " can never be '" + value + "' (it is one of " + new TreeSet<>(allowed)
                    + ")");
        }
    }

    private interface Visitor {
        void visit(String key, Object node);
    }

    private static void walk(Object node, String key, Visitor visitor) {
        visitor.visit(key, node);
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, String.valueOf(k), visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, key, visitor));
        }
    }

    private static Set<String> declared(Class<?> names) {
        return Arrays.stream(names.getFields()).filter(f -> Modifier.isStatic(f.getModifiers()))
                .map(RouteNamesTest::value).collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
