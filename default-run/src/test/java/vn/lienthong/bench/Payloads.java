package vn.lienthong.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Realistic dossiers and progress items in the DVCQG input format (client demo-dvcqg): Vietnamese text, about 25
 * fields, a few list entries; every dossier differs (seeded, so runs are repeatable). The progress step number is
 * written into NoiDungXuLy ("Bước k/M: ...") so that the order the portal received can be checked.
 */
final class Payloads {

    static final String UNIT = "000.00.00.H31";
    private static final Pattern STEP = Pattern.compile("^Bước (\\d+)/");
    private static final DateTimeFormatter PORTAL_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Procedure(String code, String name, String fieldCode, String fieldName, String[] documents,
                             String result, String feeName, int fee) {
    }

    private static final Procedure[] PROCEDURES = {
        new Procedure("1.001193.000.00.00.H31", "Đăng ký khai sinh", "HTCS", "Hộ tịch",
                new String[] {"Tờ khai đăng ký khai sinh.pdf", "Giấy chứng sinh.pdf", "Căn cước công dân của mẹ.pdf"},
                "Giấy khai sinh (bản chính)", "Lệ phí đăng ký khai sinh", 0),
        new Procedure("1.001612.000.00.00.H31", "Đăng ký thành lập hộ kinh doanh", "HKD",
                "Thành lập và hoạt động của hộ kinh doanh",
                new String[] {"Giấy đề nghị đăng ký hộ kinh doanh.pdf", "Hợp đồng thuê địa điểm kinh doanh.pdf"},
                "Giấy chứng nhận đăng ký hộ kinh doanh", "Lệ phí đăng ký hộ kinh doanh", 100000),
        new Procedure("1.000894.000.00.00.H31", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "XD", "Hoạt động xây dựng",
                new String[] {"Đơn đề nghị cấp giấy phép xây dựng.pdf", "Bản vẽ thiết kế xây dựng.pdf",
                        "Giấy chứng nhận quyền sử dụng đất.pdf"},
                "Giấy phép xây dựng", "Lệ phí cấp giấy phép xây dựng", 75000),
        new Procedure("1.004227.000.00.00.H31", "Đăng ký kết hôn", "HTCS", "Hộ tịch",
                new String[] {"Tờ khai đăng ký kết hôn.pdf", "Giấy xác nhận tình trạng hôn nhân.pdf"},
                "Giấy chứng nhận kết hôn", "Lệ phí đăng ký kết hôn", 0),
        new Procedure("1.003005.000.00.00.H31", "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "LLTP",
                "Lý lịch tư pháp",
                new String[] {"Tờ khai yêu cầu cấp phiếu lý lịch tư pháp.pdf", "Bản chụp căn cước công dân.pdf"},
                "Phiếu lý lịch tư pháp số 1", "Phí cung cấp thông tin lý lịch tư pháp", 200000),
    };
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ"};
    private static final String[] MIDDLE = {"Thị", "Văn", "Minh", "Ngọc", "Đức", "Thu", "Quang", "Thanh", "Hữu"};
    private static final String[] GIVEN = {"Hương", "Bình", "Khôi", "Trang", "Dũng", "Lan", "Hùng", "Mai", "Tuấn",
        "Hằng", "Phúc", "Yến"};
    private static final String[] COMMUNES = {"xã Phụng Công", "phường Hiến Nam", "xã Vũ Thư", "phường Lam Sơn",
        "xã Tân Hưng", "xã Như Quỳnh"};
    private static final String[] STEPS = {"Tiếp nhận hồ sơ tại bộ phận một cửa", "Chuyển phòng chuyên môn thẩm định",
        "Thẩm định hồ sơ, đối chiếu cơ sở dữ liệu quốc gia về dân cư", "Trình lãnh đạo phê duyệt",
        "Lãnh đạo ký duyệt kết quả", "Trả kết quả cho công dân qua bưu chính công ích"};
    private static final String[] TITLES = {"Công chức một cửa", "Chuyên viên phòng chuyên môn", "Trưởng phòng",
        "Phó Chủ tịch UBND"};
    private static final String[] DEPARTMENTS = {"Bộ phận một cửa", "Phòng Tư pháp", "Phòng Kinh tế",
        "Văn phòng HĐND và UBND"};

    private Payloads() {
    }

    /** The step number k of a progress item, from its NoiDungXuLy; -1 when it has none. */
    static int step(String noiDungXuLy) {
        Matcher m = noiDungXuLy == null ? null : STEP.matcher(noiDungXuLy);
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** {@code count} dossiers, each with {@code progress} items, with codes {@code 000.00.31.H31-<run>-<phase><i>}. */
    static List<Phase.Dossier> dossiers(String run, String phase, int count, int progress) {
        List<Phase.Dossier> dossiers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String maHoSo = String.format("000.00.31.H31-%s-%s%06d", run, phase, i);
            Random random = new Random((run + phase).hashCode() * 31L + i);
            LocalDateTime received = LocalDateTime.of(2025, 7, 1, 7, 30).plusMinutes(random.nextInt(60 * 24 * 60));
            List<byte[]> items = new ArrayList<>(progress);
            for (int k = 1; k <= progress; k++) {
                items.add(bytes(progressItem(random, k, progress, received.plusHours(k * 5L))));
            }
            dossiers.add(new Phase.Dossier(maHoSo, bytes(dossier(random, maHoSo, received)), items));
        }
        return dossiers;
    }

    private static ObjectNode dossier(Random random, String maHoSo, LocalDateTime received) {
        Procedure procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
        String applicant = person(random);
        String commune = COMMUNES[random.nextInt(COMMUNES.length)];
        String identity = String.format("0%02d%09d", 30 + random.nextInt(10), random.nextInt(1_000_000_000));
        boolean online = random.nextBoolean();
        ObjectNode d = NODES.objectNode();
        d.put("MaHoSo", maHoSo);
        d.put("MaDonVi", UNIT);
        d.put("MaTTHC", procedure.code());
        d.put("TenTTHC", procedure.name());
        d.put("MaLinhVuc", procedure.fieldCode());
        d.put("TenLinhVuc", procedure.fieldName());
        d.put("KenhThucHien", online ? 2 : 1);
        d.put("ChuHoSo", applicant);
        d.put("LoaiDoiTuong", 1);
        d.put("MaDoiTuong", "CD-" + identity);
        d.put("ThongTinKhac", "Thường trú tại thôn " + (1 + random.nextInt(12)) + ", " + commune + ", tỉnh Hưng Yên");
        d.put("Email", "congdan" + random.nextInt(100_000) + "@example.vn");
        d.put("SoDienThoai", String.format("09%08d", random.nextInt(100_000_000)));
        d.put("TrichYeuHoSo", procedure.name() + " cho ông/bà " + applicant + ", " + commune);
        d.put("NgayTiepNhan", PORTAL_DATE.format(received));
        d.put("NgayHenTra", PORTAL_DATE.format(received.plusDays(3 + random.nextInt(10)).withHour(17).withMinute(0)));
        d.put("TrangThaiHoSo", 2);
        d.put("HinhThuc", 1);
        d.put("DonViXuLy", "UBND " + commune);
        d.put("GhiChu", online ? "Nộp trực tuyến qua Cổng Dịch vụ công quốc gia; đã xác thực VNeID mức 2"
                : "Nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả");
        d.put("SoGiayToChuHoSo", identity);
        d.put("NoiNopHoSo", online ? "2" : "1");
        d.put("HoSoCoThanhPhanSoHoa", 1);
        d.put("TaiKhoanDuocXacThucVoiVNeID", online ? 1 : 0);
        d.put("DuocThanhToanTrucTuyen", online && procedure.fee() > 0 ? 1 : 0);
        d.put("NgayNopHoSo", PORTAL_DATE.format(received.minusHours(1 + random.nextInt(20))));
        ArrayNode documents = d.putArray("TaiLieuNop");
        for (int i = 0; i < procedure.documents().length; i++) {
            String id = Long.toHexString(random.nextLong());
            documents.addObject()
                    .put("TepDinhKemId", id)
                    .put("TenTepDinhKem", procedure.documents()[i])
                    .put("MaThanhPhanHoSo", "TPHS-0" + (i + 1))
                    .put("DuongDanTaiTepTin", "https://motcua.hungyen.gov.vn/files/" + id)
                    .put("DuocSoHoa", 1);
        }
        d.putArray("DanhSachLePhi").addObject()
                .put("TenPhiLePhi", procedure.feeName())
                .put("MaPhiLePhi", "LP-" + procedure.fieldCode())
                .put("HinhThucThu", online ? 2 : 1)
                .put("Gia", procedure.fee())
                .put("LoaiPhiLePhi", 2);
        d.putArray("DanhSachTepDinhKemKhac").addObject()
                .put("TenGiayTo", "Bản sao căn cước của người nộp hồ sơ")
                .put("SoLuong", 1 + random.nextInt(2))
                .put("LoaiGiayTo", 2);
        d.putArray("DanhSachGiayToKetQua").addObject()
                .put("TenGiayTo", procedure.result())
                .put("MaThanhPhanHoSo", "KQ-01")
                .put("GiayToId", "KQ-" + maHoSo.substring(maHoSo.length() - 6));
        d.putArray("DinhDanhCHS").addObject().put("LoaiDinhDanh", 1).put("SoDinhDanh", identity);
        d.putArray("DSKetNoiCSDL").addObject().put("MaCSDL", "CSDLQGDC");
        return d;
    }

    private static ObjectNode progressItem(Random random, int step, int steps, LocalDateTime at) {
        return NODES.objectNode()
                .put("NguoiXuLy", person(random))
                .put("ChucDanh", TITLES[random.nextInt(TITLES.length)])
                .put("ThoiDiemXuLy", PORTAL_DATE.format(at))
                .put("PhongBanXuLy", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)])
                .put("NoiDungXuLy", "Bước " + step + "/" + steps + ": " + STEPS[(step - 1) % STEPS.length])
                .put("TrangThai", step == steps ? 9 : 4)
                .put("NgayBatDau", PORTAL_DATE.format(at.minusHours(2)))
                .put("NgayKetThucTheoQuyDinh", PORTAL_DATE.format(at.plusDays(2)));
    }

    private static String person(Random random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return BenchHttp.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
