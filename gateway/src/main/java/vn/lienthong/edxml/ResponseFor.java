package vn.lienthong.edxml;

import java.time.LocalDate;

/** The document a document or status message answers: its organ, code ("12/QĐ-UBND"), date and DocumentId. */
public record ResponseFor(String organId, String code, LocalDate promulgationDate, String documentId) {
}
