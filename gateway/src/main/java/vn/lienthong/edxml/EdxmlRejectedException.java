package vn.lienthong.edxml;

import java.util.List;

import vn.lienthong.contract.InvalidMessageException;
import vn.lienthong.contract.Problem;

/**
 * An edXML file or status message the gateway refuses, with every problem found. Problem paths are XPath-like
 * locations ({@code /edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId}; {@code /} = the whole file).
 * It is an {@link InvalidMessageException}, so the existing error handling answers 400 with the problems.
 */
public class EdxmlRejectedException extends InvalidMessageException {

    public EdxmlRejectedException(List<Problem> problems) {
        super(problems);
    }

    public static EdxmlRejectedException of(String path, String message) {
        return new EdxmlRejectedException(List.of(new Problem(path, message)));
    }
}
