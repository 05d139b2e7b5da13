package vn.lienthong.edxml;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.crypto.Data;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReference;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;

/**
 * Resolves signature references without ever leaving the gateway: {@code ""} is the document itself, {@code cid:X}
 * the attachment with ContentId X (streamed from its file), anything else (http:, file:, #id, ...) is refused.
 */
final class AttachmentDereferencer implements URIDereferencer, Closeable {

    private final URIDereferencer sameDocument;
    private final Map<String, Path> attachmentsByContentId;
    private final List<InputStream> opened = new ArrayList<>();

    AttachmentDereferencer(URIDereferencer sameDocument, Map<String, Path> attachmentsByContentId) {
        this.sameDocument = sameDocument;
        this.attachmentsByContentId = attachmentsByContentId;
    }

    @Override
    public Data dereference(URIReference reference, XMLCryptoContext context) throws URIReferenceException {
        String uri = reference.getURI();
        if (uri == null || uri.isEmpty()) {
            return sameDocument.dereference(reference, context);
        }
        String contentId = ContentIds.fromUri(uri);
        Path file = contentId == null ? null : attachmentsByContentId.get(contentId);
        if (file == null) {
            throw new URIReferenceException("reference '" + uri + "' names no attachment of this document");
        }
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
            opened.add(in);
            return new OctetStreamData(in, uri, null);
        } catch (IOException e) {
            throw new URIReferenceException("cannot read the attachment of '" + uri + "'", e);
        }
    }

    @Override
    public void close() {
        for (InputStream in : opened) {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only streams
            }
        }
    }
}
