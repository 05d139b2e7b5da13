package vn.lienthong.edxml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.lienthong.contract.Problem;

/**
 * One streaming pass over an edXML file: the whole document as a small DOM in which every attachment's
 * {@code ContentTransferEncoded} is empty, the decoded content of each of those elements on disk, the problems found
 * in the attachment content and the quirks accepted on the way.
 */
record ParsedEdxml(Document skeleton, Map<Element, SpooledContent> contents, List<Problem> problems,
                   List<Problem> warnings) {

    void deleteSpooled() {
        delete(contents.values());
    }

    /** Deletes only the kept base64 text of each attachment (the decoded files live on in the message). */
    static void deleteEncodedText(Collection<SpooledContent> spooled) {
        for (SpooledContent content : spooled) {
            try {
                if (content.encodedText() != null) {
                    Files.deleteIfExists(content.encodedText());
                }
            } catch (IOException ignored) {
                // best effort: the spool folder is temporary
            }
        }
    }

    static void delete(Collection<SpooledContent> spooled) {
        for (SpooledContent content : spooled) {
            try {
                Files.deleteIfExists(content.file());
                if (content.encodedText() != null) {
                    Files.deleteIfExists(content.encodedText());
                }
            } catch (IOException ignored) {
                // best effort: the spool folder is temporary
            }
        }
    }
}
