package vn.lienthong.national;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Routing by competence: which one-stop system a dossier from the national portal goes to, by its procedure
 * ({@code MaTTHC}) and its receiving or processing unit. The rules are data ({@code mappings/national/routing.yaml},
 * read once), tried in order; the first whose conditions all hold wins. There is no default: a dossier no rule routes
 * has no route, and is quarantined by the caller.
 */
public final class RoutingTable {

    private final List<Rule> rules;

    private RoutingTable(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * One rule.
     *
     * @param procedures MaTTHC codes or their starts (empty: any procedure)
     * @param units      unit codes, exact or {@code *.<suffix>} (empty: any unit)
     */
    public record Rule(String name, List<String> procedures, List<String> units, String destination) {

        boolean matches(String maTTHC, List<String> candidateUnits) {
            return (procedures.isEmpty() || procedures.stream().anyMatch(p -> procedureMatches(p, maTTHC)))
                    && (units.isEmpty() || candidateUnits.stream().anyMatch(u -> units.stream()
                    .anyMatch(pattern -> unitMatches(pattern, u))));
        }

        /** Whether the procedure is one of {@code patterns} (each the whole MaTTHC or its start). */
        static boolean procedureMatches(List<String> patterns, String maTTHC) {
            return patterns.stream().anyMatch(p -> procedureMatches(p, maTTHC));
        }

        private static boolean procedureMatches(String pattern, String maTTHC) {
            return maTTHC != null && (maTTHC.equals(pattern) || maTTHC.startsWith(pattern + "."));
        }

        private static boolean unitMatches(String pattern, String unit) {
            if (unit == null) {
                return false;
            }
            return pattern.startsWith("*") ? unit.endsWith(pattern.substring(1)) : unit.equals(pattern);
        }
    }

    /** Where a dossier goes, and by which rule. */
    public record Route(String destination, String rule) {
    }

    /**
     * The first rule for the procedure and the units (the receiving unit after the code tables first, then the one
     * processing it).
     */
    public Optional<Route> route(String maTTHC, List<String> units) {
        return rules.stream().filter(rule -> rule.matches(maTTHC, units)).findFirst()
                .map(rule -> new Route(rule.destination(), rule.name()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Reads a routing table; every rule must name a destination in {@code destinations} and have a condition.
     *
     * @throws IllegalStateException listing every problem of the file
     */
    public static RoutingTable read(Path file, Set<String> destinations) {
        Object tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the routing table " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the routing table " + file.toAbsolutePath() + " is not YAML: "
                    + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Object list = tree instanceof Map<?, ?> map ? map.get("rules") : null;
        if (!(list instanceof List<?> items)) {
            throw new IllegalStateException("the routing table " + file.toAbsolutePath() + " has no list 'rules'");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                problems.add("rule " + (i + 1) + " is not a mapping");
                continue;
            }
            String name = item.get("name") == null ? "rule " + (i + 1) : String.valueOf(item.get("name"));
            List<String> procedures = strings(item.get("procedures"), name + ": procedures", problems);
            List<String> units = strings(item.get("units"), name + ": units", problems);
            Object destination = item.get("destination");
            if (destination == null) {
                problems.add(name + ": no destination");
            } else if (!destinations.contains(String.valueOf(destination))) {
                problems.add(name + ": destination " + destination + " is not under lienthong.national.destinations "
                        + destinations);
            }
            if (procedures.isEmpty() && units.isEmpty()) {
                problems.add(name + ": no condition (procedures or units): a catch-all rule must say so with"
                        + " units [\"*\"]");
            }
            rules.add(new Rule(name, procedures, units, String.valueOf(destination)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the routing table " + file.toAbsolutePath() + " has "
                    + problems.size() + " problem(s): " + String.join("; ", problems));
        }
        return new RoutingTable(rules);
    }

    private static List<String> strings(Object value, String what, List<String> problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(what + " must be a list");
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }
}
