package vn.lienthong.indicator;

import java.time.OffsetDateTime;

/** A row of {@code indicator_dossier} as the fold reads it: one dossier's latest values and what happened to it. */
record IndicatorRow(String maHoSo, DossierValues values, OffsetDateTime firstAcceptedAt, boolean fromPortal,
                    OffsetDateTime syncedAt, int progressReceived, int progressSynced, Integer rating,
                    boolean complaint, long version, long foldedVersion, String folded) {
}
