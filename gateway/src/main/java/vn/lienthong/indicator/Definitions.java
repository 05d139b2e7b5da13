package vn.lienthong.indicator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;

import vn.lienthong.mapping.Mappings;
import vn.lienthong.mapping.PortalDates;

/**
 * The indicators' definitions, written once (docs/indicators.md gives each with its Decision 766 item): what one
 * dossier adds to the counters of its day, unit and procedure. A dossier counts once per MaHoSo, whatever the
 * direction and the number of its messages, with its latest values. Changing a definition here changes the figures of
 * the dossiers folded after it; {@code POST /api/v1/indicators/recompute} folds every dossier again.
 */
final class Definitions {

    /** The lengths of indicator_day's unit_code and ma_tthc (V13). */
    static final int UNIT_LENGTH = 50;
    static final int PROCEDURE_LENGTH = 100;

    private Definitions() {
    }

    /** Where a dossier counts: its day (Viet Nam time), its unit after the code table, its procedure. */
    record Key(LocalDate day, String unit, String maTTHC) {
    }

    /** What a dossier adds; {@link #NONE} for a dossier whose values no message carried yet (only its progress). */
    record Contribution(Key key, long[] counts) {

        static final Contribution NONE = new Contribution(null, Counter.zeros());

        boolean late() {
            return key != null && counts[Counter.FINISHED.ordinal()] == 1
                    && counts[Counter.FINISHED_ON_TIME.ordinal()] == 0;
        }
    }

    /** The unit a code counts for: its successor when the 2025 reorganisation closed it (code table ma-don-vi). */
    static UnaryOperator<String> successors(Mappings mappings) {
        return unit -> {
            String mapped = mappings.code("ma-don-vi", unit);
            return mapped == null ? unit : mapped;
        };
    }

    /**
     * @param successor the unit code table (a code closed in the 2025 reorganisation counts for its successor)
     */
    static Contribution of(IndicatorRow row, UnaryOperator<String> successor) {
        DossierValues v = row.values();
        if (v == null) {
            return Contribution.NONE;
        }
        // Its day: NgayTiepNhan, or NgayNopHoSo for a dossier not yet received, or (neither said) its acceptance here.
        OffsetDateTime dayTime = v.receivedAt() != null ? v.receivedAt()
                : v.filedAt() != null ? v.filedAt() : row.firstAcceptedAt();
        LocalDate day = dayTime.atZoneSameInstant(PortalDates.PORTAL_ZONE).toLocalDate();
        String unit = v.unitCode() == null ? "" : successor.apply(v.unitCode());
        Key key = new Key(day, bounded(unit == null ? "" : unit, UNIT_LENGTH),
                bounded(v.maTTHC() == null ? "" : v.maTTHC(), PROCEDURE_LENGTH));

        long[] c = Counter.zeros();
        c[Counter.RECEIVED.ordinal()] = 1;
        // KenhThucHien; a dossier the national portal handed down without saying was filed there, online.
        Integer channel = v.channel() != null ? v.channel() : row.fromPortal() ? Integer.valueOf(2) : null;
        c[Counter.RECEIVED_ONLINE.ordinal()] = one(channel != null && channel == 2);
        c[Counter.RECEIVED_IN_PERSON.ordinal()] = one(channel != null && channel == 1);
        c[Counter.RECEIVED_POSTAL.ordinal()] = one(channel != null && channel == 3);
        // The portal knows it: it accepted it from the gateway, or it handed it down itself.
        boolean synced = row.syncedAt() != null;
        c[Counter.KNOWN_TO_PORTAL.ordinal()] = one(synced || row.fromPortal());
        c[Counter.SYNCED.ordinal()] = one(synced);
        if (synced) {
            c[Counter.lag(SyncLag.bucket(Duration.between(row.firstAcceptedAt(), row.syncedAt()))).ordinal()] = 1;
        }
        c[Counter.PROGRESS_RECEIVED.ordinal()] = row.progressReceived();
        c[Counter.PROGRESS_SYNCED.ordinal()] = row.progressSynced();
        // Finished: NgayTra is set; on time: not after NgayHenTra (a dossier without NgayHenTra is due at once: on time).
        boolean finished = v.returnedAt() != null;
        c[Counter.FINISHED.ordinal()] = one(finished);
        c[Counter.FINISHED_ON_TIME.ordinal()] = one(finished
                && (v.dueAt() == null || !v.returnedAt().isAfter(v.dueAt())));
        c[Counter.PAID_ONLINE.ordinal()] = one(v.paidOnline());
        c[Counter.DIGITISED.ordinal()] = one(v.digitised());
        c[Counter.PARTS_DIGITISED.ordinal()] = v.partsDigitised();
        c[Counter.PARTS_REUSED.ordinal()] = v.partsReused();
        c[Counter.PARTS_FROM_NATIONAL_STORE.ordinal()] = v.partsFromNationalStore();
        c[Counter.RESULTS_ISSUED.ordinal()] = v.resultsIssued();
        c[Counter.VNEID.ordinal()] = one(v.vneid());
        // The citizen's latest rating of it: satisfied at 4 or 5 of 5.
        c[Counter.RATINGS.ordinal()] = one(row.rating() != null);
        c[Counter.SATISFIED.ordinal()] = one(row.rating() != null && row.rating() >= 4);
        c[Counter.COMPLAINTS.ordinal()] = one(row.complaint());
        return new Contribution(key, c);
    }

    /**
     * A key as its column holds it: a code longer than the column (no real code is: the portal's are under 30
     * characters) counts under its first characters and "…", so that one odd dossier never stops the fold.
     */
    static String bounded(String code, int length) {
        return code.length() <= length ? code : code.substring(0, length - 1) + "…";
    }

    private static long one(boolean yes) {
        return yes ? 1 : 0;
    }
}
