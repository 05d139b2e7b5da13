package vn.lienthong.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.mapping.Mappings;
import vn.lienthong.mapping.MappingsProperties;

/**
 * The shipped routing table (mappings/national/routing.yaml) against its examples (routing-examples.yaml), with the
 * shipped code tables: an engineer who edits the table adds an example, and this test runs it.
 */
class NationalRoutingTest {

    private static final Path MAPPINGS = Stream.of(Path.of("mappings"), Path.of("../mappings"))
            .filter(Files::isDirectory).findFirst().orElseThrow();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NationalRouting routing = new NationalRouting(properties(), new MappingsProperties(MAPPINGS),
            new Mappings(new MappingsProperties(MAPPINGS), JSON));

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> examples() throws IOException {
        try (InputStream in = Files.newInputStream(MAPPINGS.resolve("national/routing-examples.yaml"))) {
            Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return (List<Map<String, Object>>) file.get("examples");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleGoesWhereItSays(Map<String, Object> example) {
        ObjectNode dossier = JSON.createObjectNode();
        for (String field : List.of("MaTTHC", "MaDonVi", "DonViXuLy")) {
            if (example.get(field) != null) {
                dossier.put(field, String.valueOf(example.get(field)));
            }
        }
        Object expected = example.get("destination");
        if (expected == null) {
            assertThatThrownBy(() -> routing.route(dossier)).isInstanceOf(NationalQuarantinedException.class)
                    .hasMessageContaining("no rule of the routing table");
        } else {
            assertThat(routing.route(dossier).destination()).isEqualTo(expected);
        }
    }

    @Test
    void theShippedTableHasNoCatchAllAndAClosedCodeIsNoted() throws IOException {
        assertThat(routing.table().rules()).allSatisfy(rule ->
                assertThat(rule.units()).doesNotContain("*"));
        ObjectNode closed = JSON.createObjectNode().put("MaTTHC", "1.001229.000.00.00.H54").put("MaDonVi",
                "000.00.00.H54");
        NationalRouting.Routed routed = routing.route(closed);
        assertThat(routed.unit()).isEqualTo("000.00.00.H31");
        assertThat(routed.note()).contains("000.00.00.H54 was closed").contains("successor 000.00.00.H31");
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aTableWithProblemsIsRefusedWithEveryOne(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("routing.yaml");
        Files.writeString(table, """
                rules:
                  - name: no destination
                    units: ["*.H31"]
                  - name: unknown
                    procedures: ["1.0001"]
                    destination: nowhere
                  - name: no condition
                    destination: motcua-tinh
                """);
        assertThatThrownBy(() -> RoutingTable.read(table, Set.of("motcua-tinh")))
                .hasMessageContaining("3 problem(s)")
                .hasMessageContaining("no destination: no destination")
                .hasMessageContaining("unknown: destination nowhere is not under lienthong.national.destinations")
                .hasMessageContaining("no condition: no condition");
    }

    private static NationalProperties properties() {
        return new NationalProperties(NationalProperties.Mode.PULL, 4, java.time.Duration.ofSeconds(5), 100, 8,
                org.springframework.util.unit.DataSize.ofMegabytes(50), java.time.Duration.ofSeconds(60),
                "national/routing.yaml", Map.of(
                        "motcua-tinh", new NationalProperties.OneStop("http://x/{unit}", null, "dvcqg", null),
                        "dat-dai", new NationalProperties.OneStop("http://y", null, "dvcqg", null)), List.of());
    }
}
