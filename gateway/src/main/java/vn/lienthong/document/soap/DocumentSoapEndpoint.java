package vn.lienthong.document.soap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.MTOM;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import vn.lienthong.document.soap.contract.Attachment;
import vn.lienthong.document.soap.contract.DocumentsPortType;
import vn.lienthong.document.soap.contract.GetTracking;
import vn.lienthong.document.soap.contract.GetTrackingResponse;
import vn.lienthong.document.soap.contract.Organ;
import vn.lienthong.document.soap.contract.RefusalFault;
import vn.lienthong.document.soap.contract.ResponseFor;
import vn.lienthong.document.soap.contract.SendDocument;
import vn.lienthong.document.soap.contract.SendDocumentResponse;
import vn.lienthong.document.soap.contract.SendStatus;
import vn.lienthong.document.soap.contract.SendStatusResponse;
import vn.lienthong.document.soap.contract.StaffInfo;
import vn.lienthong.document.soap.contract.TrackingEvent;
import vn.lienthong.ingress.Acceptance;
import vn.lienthong.ingress.ClientGate;

/**
 * {@code /services/documents}: the SOAP face of the documents ingress. Each operation is the REST call of the same
 * meaning, made by the same steps and beans (its routes are in {@code routes/document-ingress.yaml} and
 * {@code routes/tracking.yaml}): SendDocument takes the MTOM attachment's stream as a raw edXML body, SendStatus the JSON status of the contract
 * ({@code mappings/documents/document-status.schema.json}, whose field names the WSDL uses, so a problem's path names
 * the element), GetTracking the tracking record. The API key comes from the HTTP header {@code X-API-Key}; the routes
 * check it ({@code clientGate}).
 * <p>
 * Why a JAX-WS implementation handing over to routes, rather than a {@code from: cxf:} route: the endpoint is
 * published exactly as the axis simulator's (same CXF bus and servlet, same MTOM settings), independent of whether
 * that simulator is on; a refusal is the generated checked {@link RefusalFault}, which CXF writes as the typed fault
 * detail with no Camel-to-CXF exception mapping, no error handler logging a client's mistake as a failure and no
 * stack trace; and the routes' HTTP headers (the 202, the JSON content type) never reach CXF's response. What an
 * integration engineer reads and changes stays in the routes.
 */
@WebService(serviceName = "DocumentsService", portName = "DocumentsPort",
        targetNamespace = "urn:lienthong:documents:v1",
        endpointInterface = "vn.lienthong.document.soap.contract.DocumentsPortType",
        wsdlLocation = DocumentSoapConfiguration.WSDL)
@MTOM
public class DocumentSoapEndpoint implements DocumentsPortType {

    private final IngressRoutes routes;
    private final ObjectMapper json;
    private final DatatypeFactory datatypes;

    /** The current call, injected by CXF. */
    @Resource
    private WebServiceContext context;

    public DocumentSoapEndpoint(IngressRoutes routes, ObjectMapper json) {
        this.routes = routes;
        this.json = json;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory", e);
        }
    }

    @Override
    public SendDocumentResponse sendDocument(SendDocument request) throws RefusalFault {
        if (request.getEdxml() == null) {
            throw IngressRoutes.refused(400, "/edxml", "the edXML file (an MTOM attachment) is missing");
        }
        // the attachment as CXF received it (in memory when small, spooled to disk when large), read once by the route
        try (InputStream edxml = attachment(request)) {
            JsonNode accepted = routes.call("document-soap-ingress", apiKey(), in -> {
                in.setHeader(Exchange.CONTENT_TYPE, "application/xml");
                idempotencyKey(in, request.getIdempotencyKey());
                in.setBody(edxml);
            });
            SendDocumentResponse response = new SendDocumentResponse();
            response.setTrackingId(accepted.path("trackingId").asText());
            response.setStatus(accepted.path("status").asText());
            return response;
        } catch (IOException e) {
            throw IngressRoutes.refused(400, "/edxml", "the edXML attachment cannot be read: " + e.getMessage());
        }
    }

    /** CXF resolves an xop:Include when it is first read: a part the request does not carry fails only here. */
    private static InputStream attachment(SendDocument request) throws RefusalFault, IOException {
        try {
            return request.getEdxml().getInputStream();
        } catch (RuntimeException missing) { // CXF reports an unresolved part as a runtime fault
            throw IngressRoutes.refused(400, "/edxml", "the MTOM attachment the request refers to is missing: "
                    + missing.getMessage());
        }
    }

    @Override
    public SendStatusResponse sendStatus(SendStatus request) throws RefusalFault {
        byte[] status = statusJson(request).toString().getBytes(StandardCharsets.UTF_8);
        JsonNode accepted = routes.call("document-status-soap-ingress", apiKey(), in -> {
            in.setHeader(Exchange.CONTENT_TYPE, "application/json");
            idempotencyKey(in, request.getIdempotencyKey());
            in.setBody(status);
        });
        SendStatusResponse response = new SendStatusResponse();
        response.setTrackingId(accepted.path("trackingId").asText());
        response.setStatus(accepted.path("status").asText());
        return response;
    }

    @Override
    public GetTrackingResponse getTracking(GetTracking request) throws RefusalFault {
        JsonNode tracking = routes.call("tracking-soap-lookup", apiKey(),
                in -> in.setHeader("trackingId", request.getTrackingId()));
        GetTrackingResponse response = new GetTrackingResponse();
        response.setTrackingId(tracking.path("trackingId").asText());
        response.setKind(tracking.path("kind").asText());
        response.setState(tracking.path("state").asText());
        for (JsonNode step : tracking.path("history")) {
            TrackingEvent event = new TrackingEvent();
            event.setState(step.path("state").asText());
            event.setAt(dateTime(step.path("at").asText()));
            event.setDetail(text(step.get("detail")));
            response.getHistory().add(event);
        }
        JsonNode document = tracking.path("document");
        response.setDocumentId(text(document.get("documentId")));
        response.setSignatureStatus(text(document.path("signature").get("status")));
        for (JsonNode file : document.path("attachments")) {
            Attachment attachment = new Attachment();
            attachment.setName(file.path("name").asText());
            attachment.setSize(file.path("size").asLong());
            attachment.setSha256(file.path("sha256").asText());
            response.getAttachment().add(attachment);
        }
        return response;
    }

    /** The status as the JSON contract has it; absent elements are left out, so the contract names what is missing. */
    private ObjectNode statusJson(SendStatus request) {
        ObjectNode status = json.createObjectNode();
        Organ from = request.getFrom();
        if (from != null) {
            putText(status.putObject("from"), "organId", from.getOrganId()).put("organName", from.getOrganName());
        }
        ResponseFor about = request.getResponseFor();
        if (about != null) {
            ObjectNode node = status.putObject("responseFor");
            putText(node, "organId", about.getOrganId());
            putText(node, "code", about.getCode());
            putText(node, "promulgationDate", date(about.getPromulgationDate()));
            putText(node, "documentId", about.getDocumentId());
        }
        putText(status, "statusCode", request.getStatusCode());
        putText(status, "description", request.getDescription());
        StaffInfo staff = request.getStaffInfo();
        if (staff != null) {
            ObjectNode node = status.putObject("staffInfo");
            putText(node, "department", staff.getDepartment());
            putText(node, "staff", staff.getStaff());
            putText(node, "mobile", staff.getMobile());
            putText(node, "email", staff.getEmail());
        }
        return status;
    }

    /** The request's idempotencyKey as the REST API's Idempotency-Key header; the route checks it. */
    private static void idempotencyKey(Message in, String key) {
        if (key != null) {
            in.setHeader(Acceptance.IDEMPOTENCY_KEY_HEADER, key);
        }
    }

    private static ObjectNode putText(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
        return node;
    }

    /** {@code yyyy-MM-dd}, as the contract writes a date (an xs:date's time zone, if any, is not part of it). */
    private static String date(XMLGregorianCalendar date) {
        return date == null ? null
                : String.format("%04d-%02d-%02d", date.getYear(), date.getMonth(), date.getDay());
    }

    private XMLGregorianCalendar dateTime(String instant) {
        return datatypes.newXMLGregorianCalendar(instant);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The X-API-Key header of the HTTP request that carried this call; the routes decide whether it is valid. */
    private String apiKey() {
        HttpServletRequest request = (HttpServletRequest) context.getMessageContext()
                .get(MessageContext.SERVLET_REQUEST);
        return request == null ? null : request.getHeader(ClientGate.API_KEY_HEADER);
    }
}
