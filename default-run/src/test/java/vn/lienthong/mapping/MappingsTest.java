package vn.lienthong.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The mapping runner on its own: bound functions, numbers, absent values, caching, errors and threads. */
class MappingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path directory;
    private Mappings mappings;

    @BeforeEach
    void setUp() throws IOException {
        directory = temp.resolve("mappings");
        Files.createDirectories(directory.resolve("code-tables"));
        write("code-tables/ma-don-vi.json", "{\"000.00.00.H54\": \"000.00.00.H31\"}");
        write("code-tables/trang-thai-ho-so.json", "{\"processing\": 4, \"4\": 4}");
        mappings = new Mappings(new MappingsProperties(directory), JSON);
    }

    @Test
    void codeLooksUpATableAndLeavesUnlistedValuesAlone() throws IOException {
        write("t/code.jsonata", "{'closed': $code('ma-don-vi', a), 'open': $code('ma-don-vi', b),"
                + " 'word': $code('trang-thai-ho-so', c), 'number': $code('trang-thai-ho-so', d),"
                + " 'absent': $code('ma-don-vi', nothing)}");
        Object out = mappings.apply("t/code.jsonata",
                Map.of("a", "000.00.00.H54", "b", "000.00.00.H41", "c", "processing", "d", 4), Map.of());
        assertThat(out).isEqualTo(Map.of("closed", "000.00.00.H31", "open", "000.00.00.H41", "word", 4,
                "number", 4));
    }

    @Test
    void anUnknownCodeTableFailsTheMapping() throws IOException {
        write("t/typo.jsonata", "$code('ma-don-vii', a)");
        assertThatThrownBy(() -> mappings.apply("t/typo.jsonata", Map.of("a", "x"), Map.of()))
                .isInstanceOf(MappingException.class).hasMessageContaining("ma-don-vii");
    }

    @Test
    void toPortalDateWritesVietNamTimeFromAnyOffset() throws IOException {
        write("t/to.jsonata", "{'z': $toPortalDate(z), 'tokyo': $toPortalDate(tokyo), 'vn': $toPortalDate(vn),"
                + " 'absent': $toPortalDate(nothing), 'blank': $toPortalDate(blank)}");
        Object out = mappings.apply("t/to", Map.of("z", "2025-06-30T17:15:12.345Z",
                "tokyo", "2025-07-17T00:30:00+09:00", "vn", "2025-07-01T08:30:00+07:00", "blank", ""), Map.of());
        assertThat(out).isEqualTo(Map.of("z", "20250701001512", "tokyo", "20250716223000", "vn", "20250701083000"));
    }

    @Test
    void fromPortalDateWritesIsoWithTheVietNamOffset() throws IOException {
        write("t/from.jsonata", "{'d': $fromPortalDate(d), 'blank': $fromPortalDate(blank)}");
        assertThat(mappings.apply("t/from", Map.of("d", "20251231235959", "blank", ""), Map.of()))
                .isEqualTo(Map.of("d", "2025-12-31T23:59:59+07:00"));
    }

    @Test
    void anImpossibleDateFailsTheMappingWithItsName() throws IOException {
        write("t/from.jsonata", "$fromPortalDate(d)");
        assertThatThrownBy(() -> mappings.apply("t/from.jsonata", Map.of("d", "20250230120000"), Map.of()))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("t/from.jsonata")
                .hasMessageContaining("20250230120000");
    }

    @Test
    void wholeNumbersComeOutAsIntegersOrLongs() throws IOException {
        write("t/numbers.jsonata", "{'sum': a + b, 'parsed': $number('3'), 'half': 5 / 2, 'big': 3000000000 * 2,"
                + " 'list': [1.0, 2]}");
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) mappings.apply("t/numbers", Map.of("a", 1, "b", 1.0),
                Map.of());
        assertThat(out.get("sum")).isEqualTo(2);
        assertThat(out.get("parsed")).isEqualTo(3);
        assertThat(out.get("half")).isEqualTo(2.5);
        assertThat(out.get("big")).isEqualTo(6_000_000_000L);
        assertThat(out.get("list")).isEqualTo(List.of(1, 2));
        assertThat(JSON.writeValueAsString(out)).contains("\"sum\":2,");
    }

    @Test
    void nullFieldsAreAbsentAndListsArePlain() throws IOException {
        write("t/copy.jsonata", "{'a': a, 'b': b, 'items': [items.{'x': x}]}");
        Object out = mappings.apply("t/copy", JSON.readTree("{\"a\": null, \"b\": \"Hà Nội\", \"items\": [{\"x\": 1}]}"),
                Map.of());
        assertThat(out).isEqualTo(Map.of("b", "Hà Nội", "items", List.of(Map.of("x", 1))));
        assertThat(((Map<?, ?>) out).get("items")).isExactlyInstanceOf(ArrayList.class);
    }

    @Test
    void variablesAreBoundAndNullVariablesAreAbsent() throws IOException {
        write("t/vars.jsonata", "{'maHoSo': $maHoSo, 'maDonVi': $maDonVi}");
        Map<String, Object> variables = new HashMap<>();
        variables.put("maHoSo", "H31-1");
        variables.put("maDonVi", null);
        assertThat(mappings.apply("t/vars", Map.of(), variables)).isEqualTo(Map.of("maHoSo", "H31-1"));
    }

    @Test
    void aMappingIsCompiledOnce() throws IOException {
        write("t/once.jsonata", "'first'");
        assertThat(mappings.apply("t/once.jsonata", Map.of(), Map.of())).isEqualTo("first");
        write("t/once.jsonata", "'second'");
        assertThat(mappings.apply("t/once.jsonata", Map.of(), Map.of())).isEqualTo("first");
    }

    @Test
    void missingBrokenOrOutsideMappingsAreRefused() throws IOException {
        write("t/broken.jsonata", "{'a': ");
        assertThatThrownBy(() -> mappings.apply("t/none.jsonata", Map.of(), Map.of()))
                .isInstanceOf(MappingException.class).hasMessageContaining("t/none.jsonata");
        assertThatThrownBy(() -> mappings.preload("t/broken.jsonata"))
                .isInstanceOf(MappingException.class).hasMessageContaining("does not compile");
        write("../outside.jsonata", "'x'");
        assertThatThrownBy(() -> mappings.apply("../outside.jsonata", Map.of(), Map.of()))
                .isInstanceOf(MappingException.class);
    }

    @Test
    void oneCompiledMappingServesManyThreads() throws Exception {
        Mappings real = new Mappings(new MappingsProperties(Path.of("mappings")), JSON);
        Map<?, ?> dossier = JSON.readValue(Files.readAllBytes(
                Path.of("mappings/portal/examples/dossier-to-dvcqg.full.input.json")), Map.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Map<String, Object> input = new HashMap<>();
                dossier.forEach((k, v) -> input.put((String) k, v));
                input.put("maHoSo", "H31-" + i);
                results.add(pool.submit(() -> {
                    Map<?, ?> out = (Map<?, ?>) real.apply("portal/dossier-to-dvcqg.jsonata", input, Map.of());
                    Map<?, ?> data = (Map<?, ?>) ((List<?>) out.get("data")).get(0);
                    return data.get("MaHoSo") + " " + data.get("NgayNopHoSo");
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo("H31-" + i + " 20250701001512");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void write(String relative, String text) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
