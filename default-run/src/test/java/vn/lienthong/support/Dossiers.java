package vn.lienthong.support;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Realistic dossiers and progress items in each input format. */
public final class Dossiers {

    public static final String UNIT = "000.00.00.H31";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Dossiers() {
    }

    public static String newMaHoSo() {
        return "000.00.31.H31-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-0001";
    }

    /** A dossier in the PascalCase DVCQG field set, dates yyyyMMddHHmmss. */
    public static ObjectNode dvcqg(String maHoSo) {
        ObjectNode d = NODES.objectNode();
        d.put("MaHoSo", maHoSo);
        d.put("MaDonVi", UNIT);
        d.put("MaTTHC", "1.001229.000.00.00.H31");
        d.put("TenTTHC", "Đăng ký khai sinh");
        d.put("MaLinhVuc", "HTCS");
        d.put("TenLinhVuc", "Hộ tịch");
        d.put("KenhThucHien", 2);
        d.put("ChuHoSo", "Nguyễn Thị Hương");
        d.put("LoaiDoiTuong", 1);
        d.put("Email", "huong.nguyen@example.vn");
        d.put("SoDienThoai", "0912345678");
        d.put("TrichYeuHoSo", "Đăng ký khai sinh cho con: Trần Minh Khôi, sinh ngày 12/03/2025 tại Hưng Yên");
        d.put("NgayTiepNhan", "20250701083000");
        d.put("NgayHenTra", "20250704170000");
        d.put("TrangThaiHoSo", 2);
        d.put("DonViXuLy", "UBND xã Phụng Công");
        d.put("GhiChu", "Hồ sơ nộp trực tuyến qua Cổng DVC quốc gia");
        d.put("SoGiayToChuHoSo", "033190001234");
        d.put("HoSoCoThanhPhanSoHoa", 1);
        ArrayNode docs = d.putArray("TaiLieuNop");
        docs.addObject().put("TepDinhKemId", "TL-1").put("TenTepDinhKem", "Giấy chứng sinh.pdf")
                .put("MaThanhPhanHoSo", "TP-01").put("DuongDanTaiTepTin", "https://dvc.example.vn/tep/TL-1");
        docs.addObject().put("TepDinhKemId", "TL-2").put("TenTepDinhKem", "Căn cước công dân của mẹ.pdf")
                .put("MaThanhPhanHoSo", "TP-02").put("DuongDanTaiTepTin", "https://dvc.example.vn/tep/TL-2");
        d.putArray("DinhDanhCHS").addObject().put("LoaiDinhDanh", 1).put("SoDinhDanh", "033190001234");
        return d;
    }

    /** The same kind of dossier in the gateway's canonical contract (camelCase, ISO-8601 dates). */
    public static ObjectNode canonical(String maHoSo) {
        ObjectNode d = NODES.objectNode();
        d.put("maHoSo", maHoSo);
        d.put("maDonVi", UNIT);
        d.put("maTTHC", "1.000894.000.00.00.H31");
        d.put("tenTTHC", "Cấp giấy phép xây dựng nhà ở riêng lẻ");
        d.put("kenhThucHien", 1);
        d.put("chuHoSo", "Công ty TNHH Xây dựng Phố Hiến");
        d.put("loaiDoiTuong", 2);
        d.put("trichYeuHoSo", "Xin cấp phép xây dựng nhà ở 3 tầng tại phường Hiến Nam");
        d.put("ngayTiepNhan", "2025-07-01T01:30:00Z");
        d.put("ngayHenTra", "2025-07-15T17:00:00+07:00");
        d.put("trangThaiHoSo", 4);
        ArrayNode fees = d.putArray("danhSachLePhi");
        fees.addObject().put("tenPhiLePhi", "Lệ phí cấp giấy phép xây dựng").put("maPhiLePhi", "LP-XD")
                .put("gia", 75000).put("loaiPhiLePhi", 1);
        return d;
    }

    /** One progress item in the DVCQG field set (MaHoSo comes from the URL). */
    public static ObjectNode dvcqgProgress(int step) {
        return NODES.objectNode()
                .put("NguoiXuLy", "Lê Văn Bình")
                .put("ChucDanh", "Công chức tư pháp - hộ tịch")
                .put("ThoiDiemXuLy", String.format("202507011%05d", step % 60000).substring(0, 14))
                .put("PhongBanXuLy", "Bộ phận một cửa")
                .put("NoiDungXuLy", "Bước " + step + ": thẩm định hồ sơ")
                .put("TrangThai", 4);
    }

    /** One progress item in the canonical contract. */
    public static ObjectNode canonicalProgress(int step) {
        return NODES.objectNode()
                .put("nguoiXuLy", "Phạm Thu Trang")
                .put("thoiDiemXuLy", "2025-07-02T09:00:00+07:00")
                .put("noiDungXuLy", "Bước " + step + ": chuyển phòng chuyên môn")
                .put("trangThai", 4);
    }
}
