package vn.lienthong.tracking;

/** What the ingress knows about a message when it accepts it. */
public record NewMessage(String trackingId, String clientId, String kind, String maHoSo, String unitCode,
                         String idempotencyKey) {
}
