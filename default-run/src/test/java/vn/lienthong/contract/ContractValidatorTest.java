package vn.lienthong.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.mapping.MappingsProperties;

/** Given a body in an input format, the validator accepts it or lists every problem, each at its exact JSON pointer. */
class ContractValidatorTest {

    private static final Path MAPPINGS = Path.of("mappings");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DVCQG = "dvcqg";
    private static final String CANONICAL = "canonical";

    private final ContractValidator validator = new ContractValidator(new MappingsProperties(MAPPINGS), JSON);

    // --- valid messages pass

    @Test
    void theExampleInputsAreValid() throws IOException {
        assertValid(example("dvcqg/examples/dossier-to-canonical.full.input.json"), DVCQG, MessageKind.DOSSIER);
        assertValid(example("dvcqg/examples/dossier-to-canonical.refused-nfd.input.json"), DVCQG, MessageKind.DOSSIER);
        assertValid(example("dvcqg/examples/progress-to-canonical.batch.input.json"), DVCQG, MessageKind.PROGRESS);
        assertValid(example("canonical/examples/dossier-to-canonical.with-nulls.input.json"), CANONICAL,
                MessageKind.DOSSIER);
        assertValid(example("canonical/examples/progress-to-canonical.fill.input.json"), CANONICAL,
                MessageKind.PROGRESS);
        assertValid(example("portal/examples/dossier-to-dvcqg.full.input.json"), CANONICAL, MessageKind.DOSSIER);
    }

    @Test
    void aValidBodyComesBackAsItsTree() throws IOException {
        byte[] body = example("dvcqg/examples/dossier-to-canonical.full.input.json");
        JsonNode tree = validator.parseAndValidate(body, DVCQG, MessageKind.DOSSIER);
        // decimals exactly as written (a relayed dossier reaches the portal value for value)
        assertThat(tree).isEqualTo(JSON.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(body));
        assertThat(tree.get("ChuHoSo").asText()).isEqualTo("Nguyễn Thị Thu Hằng");
    }

    @Test
    void aSingleProgressItemIsValidOnItsOwn() throws IOException {
        JsonNode first = JSON.readTree(example("dvcqg/examples/progress-to-canonical.batch.input.json")).get(0);
        JsonNode tree = validator.parseAndValidate(bytes(first), DVCQG, MessageKind.PROGRESS);
        assertThat(tree.isObject()).isTrue();
    }

    @Test
    void dvcqgIsLenientWhereVendorsDiffer() throws IOException {
        ObjectNode dossier = dvcqgDossier();
        dossier.put("TrangThaiHoSo", 10);        // number instead of word
        dossier.put("KenhThucHien", 3);
        dossier.put("LoaiDoiTuong", "4");        // numeric string
        dossier.put("NgayHenTra", "");           // blank optional date = absent
        dossier.putNull("NgayTra");              // null optional = absent
        dossier.put("MaPhanMemMotCua", "iGate"); // extra vendor field: allowed, not forwarded
        assertValid(bytes(dossier), DVCQG, MessageKind.DOSSIER);
    }

    // --- body shape

    @Test
    void malformedJsonIsOneProblemAtTheBodyNamingLineAndColumn() {
        List<Problem> problems = problems("{\n  \"MaHoSo\": \"H31-1\",\n  \"ChuHoSo\": \n}", DVCQG, MessageKind.DOSSIER);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEmpty();
        assertThat(problems.get(0).message()).startsWith("malformed JSON at line 4, column ");
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        List<Problem> problems = catchThrowableOfType(InvalidMessageException.class,
                () -> validator.parseAndValidate(body, CANONICAL, MessageKind.DOSSIER)).problems();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEmpty();
            assertThat(p.message()).startsWith("malformed JSON");
        });
    }

    @Test
    void contentAfterTheJsonValueIsMalformed() {
        assertThat(problems("{} {}", CANONICAL, MessageKind.DOSSIER)).singleElement()
                .extracting(Problem::message).asString().contains("unexpected content after the JSON value");
    }

    @Test
    void anEmptyBodyIsAProblem() {
        assertThat(problems("  ", CANONICAL, MessageKind.DOSSIER))
                .containsExactly(new Problem("", "the body is empty: expected JSON"));
    }

    @Test
    void aDuplicateKeyIsRefusedAtItsPath() {
        String body = "{\"maHoSo\": \"A\", \"dinhDanhCHS\": [{\"loaiDinhDanh\": 1, \"loaiDinhDanh\": 2}]}";
        List<Problem> problems = problems(body, CANONICAL, MessageKind.DOSSIER);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/dinhDanhCHS/0/loaiDinhDanh");
            assertThat(p.message()).startsWith("duplicate key \"loaiDinhDanh\" at line 1, column ");
        });
    }

    @Test
    void aDossierIsAnObjectOrANonEmptyArrayOfObjects() {
        assertThat(problems("[{\"maHoSo\": \"A\"}]", CANONICAL, MessageKind.DOSSIER)).extracting(Problem::path)
                .contains("/0/maTTHC");
        assertThat(problems("[\"x\"]", CANONICAL, MessageKind.DOSSIER))
                .containsExactly(new Problem("/0", "must be a JSON object (one dossier item)"));
        assertThat(problems("[]", DVCQG, MessageKind.DOSSIER)).extracting(Problem::path).containsExactly("");
        assertThat(problems("\"H31-1\"", DVCQG, MessageKind.DOSSIER)).extracting(Problem::path).containsExactly("");
    }

    @Test
    void progressMustBeAnObjectOrANonEmptyArrayOfObjects() {
        assertThat(problems("[]", DVCQG, MessageKind.PROGRESS)).extracting(Problem::path).containsExactly("");
        assertThat(problems("42", DVCQG, MessageKind.PROGRESS)).extracting(Problem::path).containsExactly("");
        assertThat(problems("[\"x\"]", DVCQG, MessageKind.PROGRESS))
                .containsExactly(new Problem("/0", "must be a JSON object (one progress item)"));
    }

    // --- schema problems, all at once, at exact paths

    @Test
    void everyMissingRequiredFieldIsListedAtItsOwnPath() {
        List<Problem> problems = problems("{\"MaHoSo\": \"H31-1\", \"Email\": \"a@b.vn\"}", DVCQG, MessageKind.DOSSIER);
        assertThat(problems).extracting(Problem::path).containsExactly("/ChuHoSo", "/KenhThucHien", "/LoaiDoiTuong",
                "/MaDonVi", "/MaTTHC", "/NgayTiepNhan", "/TenTTHC", "/TrangThaiHoSo");
        assertThat(problems).extracting(Problem::message).containsOnly("is required");
    }

    @Test
    void aWrongTypeIsReportedOnceWithoutItsFollowUps() throws IOException {
        ObjectNode dossier = canonicalDossier();
        dossier.put("chuHoSo", 123);
        dossier.put("kenhThucHien", "2"); // wrong type: the enum complaint would only repeat it
        assertThat(problems(bytes(dossier), CANONICAL, MessageKind.DOSSIER)).containsExactly(
                new Problem("/chuHoSo", "integer found, string expected"),
                new Problem("/kenhThucHien", "string found, integer expected"));
    }

    @Test
    void anOptionalFieldOfTheWrongTypeNamesTheTypeToSend() throws IOException {
        ObjectNode dossier = canonicalDossier();
        dossier.put("email", 5);
        dossier.putObject("taiLieuNop");
        assertThat(problems(bytes(dossier), CANONICAL, MessageKind.DOSSIER)).containsExactly(
                new Problem("/email", "integer found, string expected"),
                new Problem("/taiLieuNop", "object found, array expected"));
    }

    @Test
    void codesOutsideTheirListsAreRefused() throws IOException {
        ObjectNode dossier = dvcqgDossier();
        dossier.put("TrangThaiHoSo", 11);
        dossier.put("KenhThucHien", 4);
        dossier.put("LoaiDoiTuong", 0);
        List<Problem> problems = problems(bytes(dossier), DVCQG, MessageKind.DOSSIER);
        assertThat(problems).extracting(Problem::path)
                .containsExactly("/KenhThucHien", "/LoaiDoiTuong", "/TrangThaiHoSo");
        assertThat(problems.get(0).message())
                .isEqualTo("must be one of 1..3 (1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích)");
        assertThat(problems.get(1).message()).startsWith("must be one of 1..4 (1 công dân");
        assertThat(problems.get(2).message()).startsWith("must be one of 1..10 (Mới đăng ký..Đã trả kết quả)");
    }

    @Test
    void theCanonicalContractTakesIntegersOnly() throws IOException {
        ObjectNode dossier = canonicalDossier();
        dossier.put("trangThaiHoSo", 11);
        assertThat(problems(bytes(dossier), CANONICAL, MessageKind.DOSSIER)).containsExactly(
                new Problem("/trangThaiHoSo", "must be one of 1..10 (Mới đăng ký..Đã trả kết quả)"));
        dossier.put("trangThaiHoSo", "processing");
        assertThat(problems(bytes(dossier), CANONICAL, MessageKind.DOSSIER)).extracting(Problem::path)
                .containsExactly("/trangThaiHoSo");
    }

    @Test
    void anImpossiblePortalDateIsRefused() throws IOException {
        ObjectNode dossier = dvcqgDossier();
        dossier.put("NgayTiepNhan", "20250230120000");
        dossier.put("NgayHenTra", "2025-07-04");
        assertThat(problems(bytes(dossier), DVCQG, MessageKind.DOSSIER)).containsExactly(
                new Problem("/NgayHenTra",
                        "must be a date-time yyyyMMddHHmmss (14 digits, Viet Nam time), not \"2025-07-04\""),
                new Problem("/NgayTiepNhan",
                        "impossible date: 20250230120000 is not a real date-time (yyyyMMddHHmmss)"));
    }

    @Test
    void anImpossibleIsoDateIsRefused() throws IOException {
        ObjectNode dossier = canonicalDossier();
        dossier.put("ngayTiepNhan", "2025-02-30T10:00:00+07:00");
        assertThat(problems(bytes(dossier), CANONICAL, MessageKind.DOSSIER)).containsExactly(
                new Problem("/ngayTiepNhan", "impossible date: 2025-02-30T10:00:00+07:00 is not a real date-time"));
    }

    @Test
    void anIsoDateWithoutOffsetIsRefused() throws IOException {
        ObjectNode dossier = canonicalDossier();
        dossier.put("ngayTiepNhan", "2025-07-01T08:30:00");
        dossier.put("ngayHenTra", "01/07/2025");
        assertThat(problems(bytes(dossier), CANONICAL, MessageKind.DOSSIER)).containsExactly(
                new Problem("/ngayHenTra", "must be an ISO-8601 date-time with offset, e.g. 2025-07-01T08:30:00+07:00, "
                        + "not \"01/07/2025\""),
                new Problem("/ngayTiepNhan",
                        "must have an offset, e.g. 2025-07-01T08:30:00+07:00 or 2025-07-01T08:30:00Z"));
    }

    @Test
    void progressProblemsArePrefixedWithTheirItemIndex() throws IOException {
        ArrayNode items = (ArrayNode) JSON.readTree(example("dvcqg/examples/progress-to-canonical.batch.input.json"));
        items.add(items.get(0).deepCopy());
        ((ObjectNode) items.get(0)).put("TrangThai", 11);
        ((ObjectNode) items.get(2)).remove("NguoiXuLy");
        ((ObjectNode) items.get(2)).put("ThoiDiemXuLy", "20251301080000");
        List<Problem> problems = problems(bytes(items), DVCQG, MessageKind.PROGRESS);
        assertThat(problems).extracting(Problem::path)
                .containsExactly("/0/TrangThai", "/2/NguoiXuLy", "/2/ThoiDiemXuLy");
        assertThat(problems.get(1).message()).isEqualTo("is required");
    }

    @Test
    void problemsAreSortedWithIndexesInNumericOrder() throws IOException {
        ArrayNode items = JSON.createArrayNode();
        for (int i = 0; i < 11; i++) {
            items.addObject().put("nguoiXuLy", "Lê Thị Mai").put("thoiDiemXuLy", "2025-07-01T08:30:00+07:00")
                    .put("noiDungXuLy", "Tiếp nhận").put("trangThai", i == 2 || i == 10 ? 0 : 2);
        }
        assertThat(problems(bytes(items), CANONICAL, MessageKind.PROGRESS)).extracting(Problem::path)
                .containsExactly("/2/trangThai", "/10/trangThai");
    }

    @Test
    void aMisspeltCanonicalPropertyIsReportedAtItsPath() throws IOException {
        ObjectNode dossier = canonicalDossier();
        dossier.set("trangThaiHoso", dossier.remove("trangThaiHoSo"));
        ((ObjectNode) dossier.withArray("/dinhDanhCHS").get(0)).put("soCCCD", "034090007788");
        assertThat(problems(bytes(dossier), CANONICAL, MessageKind.DOSSIER)).containsExactly(
                new Problem("/dinhDanhCHS/0/soCCCD", "is not a property of this format (misspelt or unknown)"),
                new Problem("/trangThaiHoSo", "is required"),
                new Problem("/trangThaiHoso", "is not a property of this format (misspelt or unknown)"));
    }

    @Test
    void identifierDigitsDependOnTheirKind() throws IOException {
        ObjectNode dossier = dvcqgDossier();
        ArrayNode ids = dossier.putArray("DinhDanhCHS");
        ids.addObject().put("LoaiDinhDanh", "1").put("SoDinhDanh", "151234567");
        ids.addObject().put("LoaiDinhDanh", 2).put("SoDinhDanh", "151234567");
        ids.addObject().put("LoaiDinhDanh", 2).put("SoDinhDanh", "034185001234");
        List<Problem> problems = problems(bytes(dossier), DVCQG, MessageKind.DOSSIER);
        assertThat(problems).extracting(Problem::path)
                .containsExactly("/DinhDanhCHS/0/SoDinhDanh", "/DinhDanhCHS/2/SoDinhDanh");
        assertThat(problems.get(0).message()).startsWith("must be 12 digits when LoaiDinhDanh is 1");
        assertThat(problems.get(1).message()).startsWith("must be 9 digits when LoaiDinhDanh is 2");
    }

    @Test
    void aUnitCodeMustLookLikeOne() throws IOException {
        ObjectNode dossier = canonicalDossier();
        dossier.put("maDonVi", "H31");
        assertThat(problems(bytes(dossier), CANONICAL, MessageKind.DOSSIER)).containsExactly(
                new Problem("/maDonVi", "must be a unit code like 000.00.00.H31 (mã định danh đơn vị)"));
        dossier.put("maDonVi", "G22.45.01.H31"); // a department code: letters allowed in the first groups
        assertValid(bytes(dossier), CANONICAL, MessageKind.DOSSIER);
    }

    // --- formats

    @Test
    void anUnknownFormatIsAnIllegalArgument() {
        assertThatThrownBy(() -> validator.parseAndValidate("{}".getBytes(StandardCharsets.UTF_8), "vnpt-igate",
                MessageKind.DOSSIER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vnpt-igate");
        assertThatThrownBy(() -> validator.preload("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knownFormatsPreload() {
        validator.preload(DVCQG);
        validator.preload(CANONICAL);
    }

    @Test
    void theExceptionMessageSummarisesTheProblems() {
        InvalidMessageException e = catchThrowableOfType(InvalidMessageException.class, () -> validator
                .parseAndValidate("{\"MaHoSo\": \"H31-1\"}".getBytes(StandardCharsets.UTF_8), DVCQG,
                        MessageKind.DOSSIER));
        assertThat(e.getMessage()).startsWith("8 problem(s): /ChuHoSo is required; ");
    }

    // --- helpers

    private void assertValid(byte[] body, String format, MessageKind kind) {
        try {
            validator.parseAndValidate(body, format, kind);
        } catch (InvalidMessageException e) {
            throw new AssertionError("expected valid " + format + " " + kind + ", got " + e.problems(), e);
        }
    }

    private List<Problem> problems(String body, String format, MessageKind kind) {
        return problems(body.getBytes(StandardCharsets.UTF_8), format, kind);
    }

    private List<Problem> problems(byte[] body, String format, MessageKind kind) {
        InvalidMessageException e = catchThrowableOfType(InvalidMessageException.class,
                () -> validator.parseAndValidate(body, format, kind));
        assertThat(e).as("expected problems").isNotNull();
        return e.problems();
    }

    private static ObjectNode dvcqgDossier() throws IOException {
        return (ObjectNode) JSON.readTree(example("dvcqg/examples/dossier-to-canonical.full.input.json"));
    }

    private static ObjectNode canonicalDossier() throws IOException {
        return (ObjectNode) JSON.readTree(example("canonical/examples/dossier-to-canonical.with-nulls.input.json"));
    }

    private static byte[] example(String path) throws IOException {
        return Files.readAllBytes(MAPPINGS.resolve(path));
    }

    private static byte[] bytes(JsonNode node) throws IOException {
        return JSON.writeValueAsBytes(node);
    }
}
