package vn.lienthong.document;

import java.nio.charset.StandardCharsets;

/**
 * The update, replace and revoke documents of {@code src/test/resources/edxml/business/}, as an e-office writes
 * them: unsigned, SDK prefixes, the 2022 Bussiness parts the gateway does not model (BussinessDocumentInfo,
 * ReplacementInfoList), odd whitespace, a {@code &#13;} in the text. Each copy gets its own numbers.
 */
final class BusinessDocuments {

    private BusinessDocuments() {
    }

    /** @param operation update, replace or revoke */
    static byte[] of(String operation, String from, String to, String number, String previous) {
        return template("business/" + operation + ".edxml").replace("{{FROM}}", from).replace("{{TO}}", to)
                .replace("{{NUMBER}}", number).replace("{{PREVIOUS}}", previous).getBytes(StandardCharsets.UTF_8);
    }

    static String documentId(String from, String number) {
        return from + ",2026/11/27," + number + "/QĐ-UBND";
    }

    static String previousId(String from, String previous) {
        return from + ",2026/11/02," + previous + "/QĐ-UBND";
    }

    static String template(String name) {
        return new String(DocumentFixtures.read("/edxml/" + name), StandardCharsets.UTF_8);
    }
}
