package vn.lienthong.national;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The national portal's dossiers as delivered (table {@code national_dossier}): where each went, and its one-stop id. */
@Repository
public class NationalDossiers {

    private final JdbcTemplate jdbc;

    public NationalDossiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One delivered dossier. */
    public record Delivered(String maHoSo, String destination, String unitCode, String maTTHC, String maHoSoDonVi) {
    }

    /** Recorded once the one-stop has it (again after a replay: the latest delivery). */
    public void delivered(Delivered dossier) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.update("""
                update national_dossier set destination = ?, unit_code = ?, ma_tthc = ?, ma_ho_so_don_vi = ?,
                    delivered_at = ? where ma_ho_so = ?""", dossier.destination(), dossier.unitCode(),
                dossier.maTTHC(), dossier.maHoSoDonVi(), now, dossier.maHoSo());
        if (updated == 0) {
            jdbc.update("""
                    insert into national_dossier (ma_ho_so, destination, unit_code, ma_tthc, ma_ho_so_don_vi,
                        delivered_at) values (?, ?, ?, ?, ?, ?)""", dossier.maHoSo(), dossier.destination(),
                    dossier.unitCode(), dossier.maTTHC(), dossier.maHoSoDonVi(), now);
        }
    }

    public Optional<Delivered> find(String maHoSo) {
        return jdbc.query("""
                select ma_ho_so, destination, unit_code, ma_tthc, ma_ho_so_don_vi from national_dossier
                where ma_ho_so = ?""", (rs, n) -> new Delivered(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)), maHoSo).stream().findFirst();
    }
}
