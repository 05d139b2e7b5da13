package vn.lienthong.tracking;

/**
 * What the ingress knows about a message when it accepts it.
 *
 * @param bodySha256 hex SHA-256 of the body as received: the same idempotency key with another body is another
 *                   message; null when not known (then only kind and dossier tell a reuse of the key)
 */
public record NewMessage(String trackingId, String clientId, String kind, String maHoSo, String unitCode,
                         String idempotencyKey, String bodySha256) {

    public NewMessage(String trackingId, String clientId, String kind, String maHoSo, String unitCode,
                      String idempotencyKey) {
        this(trackingId, clientId, kind, maHoSo, unitCode, idempotencyKey, null);
    }
}
