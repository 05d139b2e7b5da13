package vn.lienthong.portal;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.lienthong.tracking.BoundedCache;

/** The dossiers the national portal has accepted from this gateway: decides isUpdating and gates progress. */
@Repository
public class PortalDossiers {

    private final JdbcTemplate jdbc;
    /** Once accepted, always accepted: remembered so that progress does not ask the database each time. */
    private final BoundedCache<String, Boolean> known = new BoundedCache<>(100_000);

    public PortalDossiers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isKnown(String maHoSo) {
        if (known.get(maHoSo) != null) {
            return true;
        }
        Integer n = jdbc.queryForObject("select count(*) from portal_dossier where ma_ho_so = ?", Integer.class, maHoSo);
        boolean found = n != null && n > 0;
        if (found) {
            known.put(maHoSo, Boolean.TRUE);
        }
        return found;
    }

    public void accepted(String maHoSo, String unitCode) {
        OffsetDateTime now = OffsetDateTime.now();
        int updated = jdbc.update("""
                update portal_dossier set last_synced_at = ?, sync_count = sync_count + 1, unit_code = ?
                where ma_ho_so = ?""", now, unitCode, maHoSo);
        if (updated == 0) {
            jdbc.update("""
                    insert into portal_dossier (ma_ho_so, unit_code, first_synced_at, last_synced_at, sync_count)
                    values (?, ?, ?, ?, 1)""", maHoSo, unitCode, now, now);
        }
        known.put(maHoSo, Boolean.TRUE);
    }
}
