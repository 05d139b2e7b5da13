package vn.lienthong.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of the audit chain, and its canonical form: the bytes its hash is computed over (docs/audit.md).
 *
 * @param seq        its place in the chain, 1, 2, ...
 * @param occurredAt when it happened (milliseconds: what both databases keep exactly)
 * @param action     what happened
 * @param actor      who did it: the client system, the operator's login, {@code document-axis}
 * @param subject    what it was done to: a tracking id, an MBean
 * @param kind       for a message: DOSSIER, PROGRESS, DOCUMENT, DOCUMENT_STATUS
 * @param bodySha256 for a message: SHA-256 (hex) of its body as received
 * @param detail     anything else worth keeping (an operation and its arguments)
 * @param prevHash   the hash of the entry before ({@link #GENESIS} for the first)
 * @param hash       SHA-256 (hex) of the canonical form
 */
public record AuditEntry(long seq, Instant occurredAt, AuditAction action, String actor, String subject, String kind,
                         String bodySha256, String detail, String prevHash, String hash) {

    /** The "hash before" the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** First field of the canonical form: a later change of the form gets a new version, old entries keep theirs. */
    static final String FORM = "lienthong-audit-1";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The entry that follows {@code prevHash} at {@code seq}, its hash computed. */
    static AuditEntry chained(long seq, Pending pending, String prevHash) {
        Instant at = pending.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        return new AuditEntry(seq, at, pending.action(), pending.actor(), pending.subject(), pending.kind(),
                pending.bodySha256(), pending.detail(), prevHash,
                hash(seq, at, pending.action(), pending.actor(), pending.subject(), pending.kind(),
                        pending.bodySha256(), pending.detail(), prevHash));
    }

    /** The hash this entry's fields give now: differs from {@link #hash} once any field was changed. */
    String recomputedHash() {
        return hash(seq, occurredAt, action, actor, subject, kind, bodySha256, detail, prevHash);
    }

    /**
     * SHA-256 over the fields as netstrings ({@code <UTF-8 byte length>:<bytes>,}), in this order: FORM, seq,
     * occurredAt ({@link #TIME}), action, actor, subject, kind, bodySha256, detail, prevHash; a null field is {@code -,}.
     * Length prefixes make the form unambiguous whatever the fields contain.
     */
    private static String hash(long seq, Instant occurredAt, AuditAction action, String actor, String subject,
                               String kind, String bodySha256, String detail, String prevHash) {
        ByteArrayOutputStream form = new ByteArrayOutputStream(256);
        for (String field : new String[] {FORM, Long.toString(seq), TIME.format(occurredAt), action.name(), actor,
                subject, kind, bodySha256, detail, prevHash}) {
            if (field == null) {
                form.writeBytes("-,".getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                form.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                form.writeBytes(bytes);
                form.write(',');
            }
        }
        return sha256(form.toByteArray());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What waits in {@code audit_pending} to be chained. */
    record Pending(long id, Instant occurredAt, AuditAction action, String actor, String subject, String kind,
                   String bodySha256, String detail) {
    }
}
