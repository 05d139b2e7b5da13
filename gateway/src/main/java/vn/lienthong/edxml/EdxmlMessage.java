package vn.lienthong.edxml;

import java.util.List;

import vn.lienthong.contract.Problem;

/** What an edXML file holds: an official document or a status message about one. */
public sealed interface EdxmlMessage permits EdxmlDocument, EdxmlStatus {

    Organ from();

    /** The signature as verified when read; {@code null} on a message built to be sent. */
    SignatureCheck signature();

    /** Quirks accepted while reading (stray bytes skipped, odd organ ids, a flagged invalid signature, ...). */
    List<Problem> warnings();
}
