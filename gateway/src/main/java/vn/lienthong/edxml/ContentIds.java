package vn.lienthong.edxml;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Content ids. SDK samples write {@code cid:abc} in the manifest and {@code abc} on the Attachment, some wrap them in
 * angle brackets: they are matched after removing both.
 */
final class ContentIds {

    private static final String CID = "cid:";

    private ContentIds() {
    }

    static String normalize(String contentId) {
        if (contentId == null) {
            return null;
        }
        String id = contentId.strip();
        if (id.regionMatches(true, 0, CID, 0, CID.length())) {
            id = id.substring(CID.length());
        }
        if (id.startsWith("<") && id.endsWith(">") && id.length() > 1) {
            id = id.substring(1, id.length() - 1);
        }
        return id.strip();
    }

    /** The XML-DSig reference URI of an attachment ({@code cid:} URL, RFC 2392). */
    static String toUri(String contentId) {
        return CID + URLEncoder.encode(normalize(contentId), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The normalized content id a {@code cid:} URI names, or {@code null} for another URI. */
    static String fromUri(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, CID, 0, CID.length())) {
            return null;
        }
        return normalize(URLDecoder.decode(uri.substring(CID.length()), StandardCharsets.UTF_8));
    }
}
