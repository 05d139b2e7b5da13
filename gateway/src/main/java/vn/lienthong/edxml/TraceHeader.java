package vn.lienthong.edxml;

import java.time.LocalDateTime;

/** One hop of the document's trail: the organ it passed and when (Timestamp {@code yyyy/MM/dd HH:mm:ss}). */
public record TraceHeader(String organId, LocalDateTime timestamp) {
}
