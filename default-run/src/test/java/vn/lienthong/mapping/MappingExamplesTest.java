package vn.lienthong.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.contract.ContractValidator;
import vn.lienthong.contract.InvalidMessageException;
import vn.lienthong.contract.MessageKind;

/**
 * Every example under {@code mappings/<folder>/examples/} is a test: given {@code <mapping>.<case>.input.json} (and
 * optional {@code .variables.json}), the mapping {@code <folder>/<mapping>.jsonata} yields exactly
 * {@code .expected.json}. Inputs and outputs must also be valid in the formats they claim to be.
 */
class MappingExamplesTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Failure output escapes non-ASCII: readable whatever the console charset. */
    private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private final MappingsProperties properties = new MappingsProperties(MAPPINGS);
    private final Mappings mappings = new Mappings(properties, JSON);
    private final ContractValidator validator = new ContractValidator(properties, JSON);

    @TestFactory
    Stream<DynamicTest> everyExampleMapsToItsExpectedOutput() throws IOException {
        List<Example> examples = examples();
        assertFalse(examples.isEmpty(), "no examples found under " + MAPPINGS.toAbsolutePath());
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.toString(), e.input.toUri(), () -> check(e)));
    }

    @Test
    void everyMappingHasAnExample() throws IOException {
        Set<String> withExamples = examples().stream().map(Example::mapping).collect(Collectors.toSet());
        Set<String> mappingFiles;
        try (Stream<Path> files = Files.walk(MAPPINGS)) {
            mappingFiles = files.filter(p -> p.toString().endsWith(".jsonata"))
                    .map(p -> MAPPINGS.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(mappingFiles.isEmpty());
        mappingFiles.removeAll(withExamples);
        assertTrue(mappingFiles.isEmpty(), "mappings without an example: " + mappingFiles);
    }

    private void check(Example example) throws IOException {
        byte[] input = Files.readAllBytes(example.input);
        validateInput(example, input);

        Object result = mappings.apply(example.mapping(), JSON.readTree(input), example.variables());

        JsonNode actual = JSON.valueToTree(result);
        JsonNode expected = JSON.readTree(Files.readAllBytes(example.expected()));
        if (!expected.equals(actual)) {
            fail(example + ": output differs from " + example.expected().getFileName()
                    + "\n--- expected\n" + PRETTY.writeValueAsString(expected)
                    + "\n--- actual\n" + PRETTY.writeValueAsString(actual));
        }
        validateOutput(example, actual);
    }

    /** Inputs of the to-canonical mappings are in their folder's format; portal mappings read canonical messages. */
    private void validateInput(Example example, byte[] input) {
        String format = example.folder().equals("portal") ? "canonical" : example.folder();
        if (Files.isRegularFile(MAPPINGS.resolve(format).resolve(example.kind().schemaFile()))) {
            valid(example, "input", input, format, example.kind());
        }
    }

    /**
     * Canonical outputs must pass the published canonical contract. Portal outputs must be DVCQG messages this
     * gateway itself would accept in the dvcqg format (each data item, with the envelope's madonvi as MaDonVi).
     */
    private void validateOutput(Example example, JsonNode output) throws IOException {
        if (example.name().endsWith("-to-canonical")) {
            valid(example, "output", JSON.writeValueAsBytes(output), "canonical", example.kind());
        } else if (example.name().endsWith("-to-dvcqg")) {
            ArrayNode data = (ArrayNode) output.get("data");
            for (JsonNode item : data) {
                ObjectNode dvcqg = item.deepCopy();
                if (example.kind() == MessageKind.DOSSIER) {
                    dvcqg.put("MaDonVi", output.get("madonvi").asText());
                }
                valid(example, "output data item", JSON.writeValueAsBytes(dvcqg), "dvcqg", example.kind());
            }
        }
    }

    private void valid(Example example, String what, byte[] body, String format, MessageKind kind) {
        try {
            validator.parseAndValidate(body, format, kind);
        } catch (InvalidMessageException e) {
            fail(example + ": " + what + " is not a valid " + format + " " + kind.fileStem() + ": " + e.problems());
        }
    }

    private static List<Example> examples() throws IOException {
        try (Stream<Path> files = Files.walk(MAPPINGS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".input.json"))
                    .filter(p -> p.getParent().getFileName().toString().equals("examples"))
                    .sorted()
                    .map(Example::of)
                    .toList();
        }
    }

    /** {@code mappings/<folder>/examples/<name>.<case>.input.json} and its siblings. */
    private record Example(String folder, String name, String caseName, Path input) {

        static Example of(Path input) {
            String file = input.getFileName().toString();
            String stem = file.substring(0, file.length() - ".input.json".length());
            int dot = stem.indexOf('.');
            assertTrue(dot > 0, "example file name must be <mapping>.<case>.input.json: " + input);
            String folder = input.getParent().getParent().getFileName().toString();
            return new Example(folder, stem.substring(0, dot), stem.substring(dot + 1), input);
        }

        String mapping() {
            return folder + "/" + name + ".jsonata";
        }

        MessageKind kind() {
            return name.startsWith(MessageKind.PROGRESS.fileStem()) ? MessageKind.PROGRESS : MessageKind.DOSSIER;
        }

        Path expected() {
            return sibling("expected");
        }

        Map<String, Object> variables() throws IOException {
            Path file = sibling("variables");
            return Files.isRegularFile(file) ? JSON.readValue(Files.readAllBytes(file), new TypeReference<>() { })
                    : Map.of();
        }

        private Path sibling(String role) {
            Path file = input.resolveSibling(name + "." + caseName + "." + role + ".json");
            if (role.equals("expected")) {
                assertTrue(Files.isRegularFile(file), "missing " + file);
            }
            return file;
        }

        @Override
        public String toString() {
            return mapping() + " [" + caseName + "]";
        }
    }

    @Test
    void examplesAreReadAsUtf8WhateverThePlatformCharset() throws IOException {
        // The reference text of the examples contains Vietnamese; Jackson reads bytes as UTF-8 by itself.
        JsonNode node = JSON.readTree(Files.readAllBytes(
                MAPPINGS.resolve("dvcqg/examples/dossier-to-canonical.full.input.json")));
        assertEquals("Nguy\u1ec5n Th\u1ecb Thu H\u1eb1ng", node.get("ChuHoSo").asText());
    }
}
