package vn.lienthong.simulator.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.function.Consumer;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;

import vn.lienthong.axis.knobstick.Agency;
import vn.lienthong.axis.knobstick.GetKnobstickRequest;
import vn.lienthong.axis.knobstick.GetKnobstickResponse;
import vn.lienthong.axis.knobstick.GetSessionTokenRequest;
import vn.lienthong.axis.knobstick.GetSessionTokenResponse;
import vn.lienthong.axis.knobstick.KnobstickInfo;
import vn.lienthong.axis.knobstick.KnobstickPortType;
import vn.lienthong.axis.knobstick.ListAgencyRequest;
import vn.lienthong.axis.knobstick.ListAgencyResponse;
import vn.lienthong.axis.knobstick.MessageType;
import vn.lienthong.axis.knobstick.ReceiveKnobsticksRequest;
import vn.lienthong.axis.knobstick.ReceiveKnobsticksResponse;
import vn.lienthong.axis.knobstick.Result;
import vn.lienthong.axis.knobstick.ResultStatus;
import vn.lienthong.axis.knobstick.SendKnobstickRequest;
import vn.lienthong.axis.knobstick.SendKnobstickResponse;
import vn.lienthong.axis.knobstick.UpdateKnobstickStatusRequest;
import vn.lienthong.axis.knobstick.UpdateKnobstickStatusResponse;
import vn.lienthong.simulator.axis.AxisMailboxes.MailItem;
import vn.lienthong.simulator.axis.AxisMailboxes.Tracked;
import vn.lienthong.simulator.axis.AxisSimulatorProperties.ConnectedSystem;

/**
 * The axis's SOAP transport (the older "knobstick" actions), over the same post office as the JSON one: a session
 * token from GetSessionToken instead of the systemid/secret headers, the edXML file as an MTOM attachment both ways,
 * Status FAIL with the same ErrorCodes instead of SOAP faults.
 */
@WebService(serviceName = "KnobstickService", portName = "KnobstickPort",
        targetNamespace = "urn:lienthong:sim:axis:knobstick",
        endpointInterface = "vn.lienthong.axis.knobstick.KnobstickPortType",
        wsdlLocation = AxisKnobstickConfiguration.WSDL)
@MTOM
public class AxisKnobstickEndpoint implements KnobstickPortType {

    private static final String OCTET_STREAM = "application/octet-stream";

    private final AxisPostOffice postOffice;
    private final AxisSessionTokens tokens;
    private final DatatypeFactory datatypes;

    public AxisKnobstickEndpoint(AxisPostOffice postOffice, AxisSessionTokens tokens) {
        this.postOffice = postOffice;
        this.tokens = tokens;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("no XML datatype factory", e);
        }
    }

    @Override
    public GetSessionTokenResponse getSessionToken(GetSessionTokenRequest request) {
        return answer(new GetSessionTokenResponse(), response -> {
            ConnectedSystem system = postOffice.directory().authenticate(request.getSystemId(), request.getSecret());
            AxisSessionTokens.Session session = tokens.open(system);
            response.setToken(session.token());
            response.setExpiresAt(dateTime(session.expiresAt()));
        });
    }

    @Override
    public SendKnobstickResponse sendKnobstick(SendKnobstickRequest request) {
        return answer(new SendKnobstickResponse(), response -> {
            ConnectedSystem caller = tokens.system(request.getToken());
            if (request.getEdxml() == null) {
                throw AxisRefusal.invalid("Edxml: thiếu tệp đính kèm (missing the edXML attachment)");
            }
            try (InputStream in = request.getEdxml().getInputStream()) {
                response.setDocID(postOffice.send(caller, type(request.getMessageType()), in).docId());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the edXML attachment", e);
            }
        });
    }

    @Override
    public ReceiveKnobsticksResponse receiveKnobsticks(ReceiveKnobsticksRequest request) {
        return answer(new ReceiveKnobsticksResponse(), response -> {
            ConnectedSystem caller = tokens.system(request.getToken());
            for (MailItem item : postOffice.pending(caller, type(request.getMessageType()))) {
                response.getKnobstick().add(info(item.message(), item.delivery().organId()));
            }
        });
    }

    @Override
    public GetKnobstickResponse getKnobstick(GetKnobstickRequest request) {
        return answer(new GetKnobstickResponse(), response -> {
            ConnectedSystem caller = tokens.system(request.getToken());
            Tracked tracked = postOffice.fetch(caller, request.getDocID());
            String recipient = tracked.deliveries().stream().map(AxisMailboxes.Delivery::organId)
                    .filter(caller.organIds()::contains).findFirst().orElse(tracked.message().toOrganIds().get(0));
            response.setKnobstick(info(tracked.message(), recipient));
            // streamed from the store by CXF when it writes the MTOM part
            response.setEdxml(new DataHandler(new FileDataSource(
                    postOffice.mailboxes().file(tracked.message().docId()).toFile()) {
                @Override
                public String getContentType() {
                    return OCTET_STREAM;
                }
            }));
        });
    }

    @Override
    public UpdateKnobstickStatusResponse updateKnobstickStatus(UpdateKnobstickStatusRequest request) {
        return answer(new UpdateKnobstickStatusResponse(), response -> {
            ConnectedSystem caller = tokens.system(request.getToken());
            String status = request.getStatus() == null ? null : request.getStatus().value();
            postOffice.acknowledge(caller, request.getDocID(), status, request.getReason(), request.getOrganId());
        });
    }

    @Override
    public ListAgencyResponse listAgency(ListAgencyRequest request) {
        return answer(new ListAgencyResponse(), response -> {
            tokens.system(request.getToken());
            for (AxisSimulatorProperties.Agency agency : postOffice.agencies()) {
                Agency item = new Agency();
                item.setOrganId(agency.organId());
                item.setOrganName(agency.organName());
                item.setActive(agency.isActive());
                response.getAgency().add(item);
            }
        });
    }

    /** Runs the call; OK with ErrorCode 0 when it returns, FAIL with the refusal's code when it refuses. */
    private static <R extends Result> R answer(R response, Consumer<R> call) {
        try {
            call.accept(response);
            response.setStatus(ResultStatus.OK);
            response.setErrorCode("0");
            response.setErrorDesc("");
        } catch (AxisRefusal refusal) {
            response.setStatus(ResultStatus.FAIL);
            response.setErrorCode(refusal.errorCode());
            response.setErrorDesc(refusal.description());
        }
        return response;
    }

    private KnobstickInfo info(AxisMessage message, String toOrganId) {
        KnobstickInfo info = new KnobstickInfo();
        info.setDocID(message.docId());
        info.setFromOrganId(message.fromOrganId());
        info.setToOrganId(toOrganId);
        info.setMessageType(MessageType.fromValue(message.type().wire()));
        info.setDocumentId(message.documentId());
        info.setCreated(dateTime(message.created()));
        return info;
    }

    private static AxisMessageType type(MessageType type) {
        return type == null ? null : AxisMessageType.fromWire(type.value()).orElseThrow();
    }

    private XMLGregorianCalendar dateTime(Instant instant) {
        return datatypes.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(AxisTime.VIET_NAM)));
    }
}
