package vn.lienthong.document;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.axis.AxisMessageKind;
import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.contract.InvalidMessageException;
import vn.lienthong.contract.Problem;
import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlMessage;
import vn.lienthong.edxml.EdxmlSigner;
import vn.lienthong.edxml.EdxmlSource;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.EdxmlWriter;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.SignatureCheck;
import vn.lienthong.edxml.SignatureStatus;
import vn.lienthong.ingress.IngressRefusedException;

/**
 * Turns a checked edXML message from the e-office into what the gateway sends: the client may send as its From organ
 * (403), every recipient exists in the axis directory, closed organ codes go to their successor, and the file is
 * signed. A document the sender signed is forwarded byte for byte (its signature is the sender's word; the gateway
 * does not replace it), so a signed document addressed to a closed code is refused with the code to use instead.
 * An unsigned one is the sender's own tree with the gateway's signature added (never rebuilt from the model, which
 * knows fewer elements than senders write); one built from the JSON contract is written from its model and signed.
 */
@Component
public class OutgoingDocuments {

    private static final String TO_PATH = "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To";

    private final EdxmlWriter writer;
    private final EdxmlSigner signer;
    private final OrganDirectory organs;
    private final DocumentSpool spool;
    private final DocumentProperties properties;

    public OutgoingDocuments(EdxmlWriter writer, EdxmlSigner signer, OrganDirectory organs, DocumentSpool spool,
                             DocumentProperties properties) {
        this.writer = writer;
        this.signer = signer;
        this.organs = organs;
        this.spool = spool;
        this.properties = properties;
    }

    /**
     * @param raw    the file as the client sent it (with its digest), or {@code null} when the gateway built the
     *               message from JSON
     * @param source the sender's tree read from {@code raw} (signed and sent when the sender did not sign), or
     *               {@code null} with {@code raw}
     */
    OutgoingDocument prepare(Exchange exchange, ClientSystem client, EdxmlMessage message, SpooledFile raw,
                             EdxmlSource source) {
        Organ from = message instanceof EdxmlDocument d ? d.from() : ((EdxmlStatus) message).from();
        if (from.organId() == null || !client.maySendFor(from.organId())) {
            throw new IngressRefusedException(403, "/from/organId", "client " + client.id() + " may not send as "
                    + from.organId());
        }
        SignatureCheck signature = message instanceof EdxmlDocument d ? d.signature() : ((EdxmlStatus) message).signature();
        boolean senderSigned = raw != null && signature != null && signature.status() != SignatureStatus.ABSENT;
        List<String> notes = new ArrayList<>();
        warnings(message).forEach(w -> notes.add("warning " + w.path() + ": " + w.message()));
        EdxmlMessage toSend = recipients(message, senderSigned, source, notes);
        SpooledFile file;
        List<EdxmlAttachment> attachments;
        if (senderSigned) {
            file = raw;
            attachments = message instanceof EdxmlDocument d ? d.attachments() : List.of();
            notes.add("forwarded as signed by the sender (" + signature.status() + ")");
        } else {
            Path target = spool.newFile(".edxml");
            spool.deleteWhenDone(exchange, List.of(target));
            try (DigestingOutputStream out = new DigestingOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024))) {
                if (source != null) {
                    writer.sign(source, out, signer);
                    attachments = message instanceof EdxmlDocument d ? d.attachments() : List.of();
                } else {
                    attachments = writer.write(toSend, out, signer);
                }
                out.flush();
                file = new SpooledFile(target, out.size(), out.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
            signature = new SignatureCheck(SignatureStatus.VALID, "signed by the gateway",
                    signer.certificate().getSubjectX500Principal().getName(), null);
        }
        if (toSend instanceof EdxmlDocument d) {
            return new OutgoingDocument(file.file(), AxisMessageKind.EDOC, d.documentId(), from.organId(),
                    d.to().stream().map(Organ::organId).toList(), null, signature, attachments,
                    file.size(), file.sha256(), notes);
        }
        EdxmlStatus s = (EdxmlStatus) toSend;
        return new OutgoingDocument(file.file(), AxisMessageKind.STATUS, s.responseFor().documentId(), from.organId(),
                List.of(s.responseFor().organId()), s.statusCode().code(), signature, List.of(),
                file.size(), file.sha256(), notes);
    }

    /**
     * Closed codes to their successor (noted, and set in the sender's tree when there is one), unknown organs refused.
     * A status goes to the document's sender.
     */
    private EdxmlMessage recipients(EdxmlMessage message, boolean senderSigned, EdxmlSource source,
                                    List<String> notes) {
        List<Problem> problems = new ArrayList<>();
        EdxmlMessage result = message;
        if (message instanceof EdxmlDocument d) {
            List<Organ> to = new ArrayList<>();
            for (int i = 0; i < d.to().size(); i++) {
                Organ organ = d.to().get(i);
                Optional<String> successor = organs.successor(organ.organId());
                if (successor.isEmpty()) {
                    to.add(organ);
                } else if (senderSigned) {
                    problems.add(new Problem(TO_PATH + "[" + (i + 1) + "]/OrganId", organ.organId()
                            + " was closed in the 2025 reorganisation: address the document to " + successor.get()
                            + " (the gateway cannot change a document its sender signed)"));
                } else {
                    notes.add("To " + organ.organId() + " is a closed code: sent to " + successor.get());
                    if (source != null) {
                        source.readdress(i, successor.get());
                    }
                    to.add(new Organ(successor.get(), organ.organizationInCharge(), organ.organName(), organ.organAdd(),
                            organ.email(), organ.telephone(), organ.fax(), organ.website()));
                }
            }
            result = withTo(d, to);
        }
        if (properties.checkAgencies()) {
            List<String> recipients = message instanceof EdxmlDocument
                    ? ((EdxmlDocument) result).to().stream().map(Organ::organId).toList()
                    : List.of(((EdxmlStatus) message).responseFor().organId());
            organs.unknown(recipients).forEach(id -> problems.add(new Problem(
                    message instanceof EdxmlDocument ? TO_PATH : "/responseFor/organId",
                    id + " is not in the document axis's agency directory")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidMessageException(problems);
        }
        return result;
    }

    private static List<Problem> warnings(EdxmlMessage message) {
        return message instanceof EdxmlDocument d ? d.warnings() : ((EdxmlStatus) message).warnings();
    }

    private static EdxmlDocument withTo(EdxmlDocument d, List<Organ> to) {
        return new EdxmlDocument(d.from(), to, d.documentId(), d.code(), d.promulgationInfo(), d.documentType(),
                d.subject(), d.content(), d.signerInfo(), d.dueDate(), d.toPlaces(), d.otherInfo(), d.steeringType(),
                d.responseFor(), d.traceHeaders(), d.bussiness(), d.attachments(), d.signature(), d.warnings());
    }
}
