package vn.lienthong.document;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The real-file quirks of {@code src/test/resources/edxml/quirks/}, one file each, addressed for one direction: the
 * same file serves as the e-office's (From the province) and as another agency's placed in the axis.
 *
 * @param documentId the DocumentId this copy carries (a UUID for {@code uuid-document-id})
 */
record QuirkFiles(byte[] edxml, String documentId) {

    static QuirkFiles of(String quirk, String from, String to) {
        String number = DocumentFixtures.nextNumber();
        String uuid = UUID.randomUUID().toString();
        String documentId = quirk.equals("uuid-document-id") ? uuid : from + ",2026/11/27," + number + "/UBND-VP";
        String xml = BusinessDocuments.template("quirks/" + quirk + ".edxml").replace("{{FROM}}", from)
                .replace("{{TO}}", to).replace("{{NUMBER}}", number).replace("{{UUID}}", uuid);
        return new QuirkFiles(xml.getBytes(StandardCharsets.UTF_8), documentId);
    }
}
