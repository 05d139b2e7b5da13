package vn.lienthong.axis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.axis.knobstick.GetKnobstickRequest;
import vn.lienthong.axis.knobstick.GetKnobstickResponse;
import vn.lienthong.axis.knobstick.GetSessionTokenRequest;
import vn.lienthong.axis.knobstick.GetSessionTokenResponse;
import vn.lienthong.axis.knobstick.KnobstickInfo;
import vn.lienthong.axis.knobstick.KnobstickPortType;
import vn.lienthong.axis.knobstick.KnobstickStatus;
import vn.lienthong.axis.knobstick.ListAgencyRequest;
import vn.lienthong.axis.knobstick.MessageType;
import vn.lienthong.axis.knobstick.ReceiveKnobsticksRequest;
import vn.lienthong.axis.knobstick.Result;
import vn.lienthong.axis.knobstick.ResultStatus;
import vn.lienthong.axis.knobstick.SendKnobstickRequest;
import vn.lienthong.axis.knobstick.UpdateKnobstickStatusRequest;
import vn.lienthong.http.OAuth2TokenClient;
import vn.lienthong.http.OAuth2TokenException;

/**
 * The axis's older SOAP transport (the "knobstick" actions of {@code wsdl/axis-knobstick.wsdl}) through one CXF
 * JAX-WS client. GetSessionToken trades the system's credentials for a token, cached and asked for again once when a
 * call answers that it is no longer valid (ErrorCode 401). The edXML file travels as an MTOM attachment both ways:
 * sent from a {@link FileDataSource} over a chunked request, received by CXF into memory only up to its attachment
 * threshold (100 KB) and into a temporary file beyond, then copied to the target.
 * Behind a province's LGSP every call (GetSessionToken's too) also carries an OAuth2 bearer token in its HTTP
 * {@code Authorization} header, asked for again, and the call repeated, once when a call is answered HTTP 401.
 * <p>
 * Status FAIL, or a SOAP fault the axis blames on the request (Client/Sender), is the axis refusing ({@link
 * AxisRejectedException}); no answer, a timeout, an HTTP error or any other fault is the axis being unavailable
 * ({@link AxisUnavailableException}).
 */
public class AxisSoapTransport implements AxisTransport, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AxisSoapTransport.class);

    /** ErrorCode of a call whose token is missing, unknown or expired (the same as for wrong credentials). */
    private static final String TOKEN_REFUSED = "401";

    private final AxisProperties properties;
    private final String address;
    private final KnobstickPortType port;
    private final AtomicReference<String> token = new AtomicReference<>();
    /** The LGSP's bearer tokens when the axis is behind one (lienthong.axis.oauth2), else null. */
    private final OAuth2TokenClient tokens;

    public AxisSoapTransport(AxisProperties properties, Bus bus) {
        this.properties = properties;
        this.address = properties.soapUrl().toString();
        this.tokens = properties.oauth2().enabled()
                ? new OAuth2TokenClient(properties.oauth2(), new ObjectMapper(), Clock.systemUTC()) : null;
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(KnobstickPortType.class);
        factory.setAddress(address);
        factory.setProperties(Map.of(Message.MTOM_ENABLED, Boolean.TRUE,
                // every failure reaches the caller as an AxisUnavailableException or AxisRejectedException with its
                // cause in one line: CXF's own WARN with a stack trace per failed call would only repeat it
                FaultListener.class.getName(), (FaultListener) (exception, description, message) -> false));
        factory.getInInterceptors().add(new NonSoapErrorInterceptor());
        if (tokens != null) {
            factory.getOutInterceptors().add(new BearerInterceptor(this::bearer));
        }
        this.port = (KnobstickPortType) factory.create();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(properties.connectTimeout().toMillis());
        policy.setReceiveTimeout(properties.requestTimeout().toMillis());
        policy.setAllowChunking(true); // the attachment is written as it is read, not buffered to learn its length
        ((HTTPConduit) client().getConduit()).setClient(policy);
    }

    @Override
    public String send(Path edxml, AxisMessageKind kind) {
        SendKnobstickRequest request = new SendKnobstickRequest();
        request.setMessageType(MessageType.fromValue(kind.wire()));
        request.setEdxml(new DataHandler(new FileDataSource(AxisFiles.existing(edxml).toFile())));
        String docId = call("SendKnobstick", session -> {
            request.setToken(session);
            return port.sendKnobstick(request);
        }).getDocID();
        if (docId == null || docId.isBlank()) {
            throw new AxisUnavailableException("axis SendKnobstick answered OK without a DocID");
        }
        log.info("sent {} {} to the document axis: DocID {}", kind.wire(), edxml.getFileName(), docId);
        return docId;
    }

    @Override
    public List<AxisInboxItem> received() {
        ReceiveKnobsticksRequest request = new ReceiveKnobsticksRequest();
        List<AxisInboxItem> items = new ArrayList<>();
        for (KnobstickInfo info : call("ReceiveKnobsticks", session -> {
            request.setToken(session);
            return port.receiveKnobsticks(request);
        }).getKnobstick()) {
            items.add(new AxisInboxItem(info.getDocID(), AxisMessageKind.fromWire(info.getMessageType().value()),
                    info.getFromOrganId(), info.getToOrganId(), info.getDocumentId(), dateTime(info.getCreated())));
        }
        return items;
    }

    @Override
    public void fetch(String docId, Path target) {
        GetKnobstickRequest request = new GetKnobstickRequest();
        request.setDocID(docId);
        GetKnobstickResponse response = call("GetKnobstick", session -> {
            request.setToken(session);
            return port.getKnobstick(request);
        });
        DataHandler edxml = response.getEdxml();
        if (edxml == null) {
            throw new AxisUnavailableException("axis GetKnobstick answered OK without the file of DocID " + docId);
        }
        try (InputStream in = edxml.getInputStream()) {
            AxisFiles.save(in, target);
        } catch (IOException e) {
            throw AxisUnavailableException.failed("axis GetKnobstick of DocID " + docId
                    + " failed while the file arrived", e);
        }
    }

    @Override
    public void acknowledge(String docId, String organId, AxisAck ack, String reason) {
        UpdateKnobstickStatusRequest request = new UpdateKnobstickStatusRequest();
        request.setDocID(docId);
        request.setOrganId(organId);
        request.setStatus(KnobstickStatus.fromValue(ack.wire()));
        request.setReason(reason);
        call("UpdateKnobstickStatus", session -> {
            request.setToken(session);
            return port.updateKnobstickStatus(request);
        });
    }

    @Override
    public List<AxisAgency> agencies() {
        ListAgencyRequest request = new ListAgencyRequest();
        return call("ListAgency", session -> {
            request.setToken(session);
            return port.listAgency(request);
        }).getAgency().stream()
                .map(agency -> new AxisAgency(agency.getOrganId(), agency.getOrganName(), agency.isActive()))
                .toList();
    }

    /** Releases the client's connections. */
    @Override
    public void close() {
        client().destroy();
    }

    /** One call with the cached token; asked for again, and the call repeated, once if the axis refuses the token. */
    private <R extends Result> R call(String operation, Function<String, R> withToken) {
        String current = currentToken();
        R result = invoke(operation, () -> withToken.apply(current));
        if (result.getStatus() == ResultStatus.FAIL && TOKEN_REFUSED.equals(result.getErrorCode())) {
            log.info("axis session token refused ({}); asking for a new one", result.getErrorDesc());
            token.compareAndSet(current, null);
            String renewed = currentToken();
            result = invoke(operation, () -> withToken.apply(renewed));
        }
        return accepted(result);
    }

    private String currentToken() {
        String current = token.get();
        if (current != null) {
            return current;
        }
        synchronized (token) {
            current = token.get();
            if (current == null) {
                current = openSession();
                token.set(current);
            }
            return current;
        }
    }

    private String openSession() {
        GetSessionTokenRequest request = new GetSessionTokenRequest();
        request.setSystemId(properties.systemId());
        request.setSecret(properties.secret());
        GetSessionTokenResponse response = accepted(invoke("GetSessionToken", () -> port.getSessionToken(request)));
        if (response.getToken() == null || response.getToken().isBlank()) {
            throw new AxisUnavailableException("axis GetSessionToken answered OK without a token");
        }
        return response.getToken();
    }

    /**
     * The call's answer, whatever its Status; a fault or a transport failure as the interface's exceptions. Behind an
     * LGSP, a call answered HTTP 401 is made once more with a new token.
     */
    private <R extends Result> R invoke(String operation, Supplier<R> call) {
        if (tokens == null) {
            return invokeOnce(operation, call);
        }
        String bearer = bearer();
        try {
            return invokeOnce(operation, call);
        } catch (AxisUnavailableException e) {
            if (!isUnauthorized(e)) {
                throw e;
            }
            log.info("the axis's LGSP refused the OAuth2 token (HTTP 401 to {}); asking for a new one", operation);
            tokens.refused(bearer);
            try {
                return invokeOnce(operation, call);
            } catch (AxisUnavailableException again) {
                if (isUnauthorized(again)) {
                    throw new AxisUnavailableException("the axis's LGSP refused a fresh OAuth2 token (HTTP 401 to "
                            + operation + ")", again);
                }
                throw again;
            }
        }
    }

    private String bearer() {
        try {
            return tokens.authorization();
        } catch (OAuth2TokenException e) {
            throw new AxisUnavailableException("no OAuth2 token for the axis: " + e.getMessage(), e);
        }
    }

    /** Whether the axis answered 401, in the exception's causes or the failure it keeps underneath (suppressed). */
    private static boolean isUnauthorized(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HTTPException http && http.getResponseCode() == 401) {
                return true;
            }
            for (Throwable underneath : cause.getSuppressed()) {
                if (isUnauthorized(underneath)) {
                    return true;
                }
            }
        }
        return false;
    }

    private <R extends Result> R invokeOnce(String operation, Supplier<R> call) {
        R result;
        try {
            result = call.get();
        } catch (SOAPFaultException e) {
            QName code = e.getFault().getFaultCodeAsQName();
            String local = code == null ? "" : code.getLocalPart();
            if (local.equals("Client") || local.equals("Sender")) {
                throw new AxisRejectedException(local, e.getFault().getFaultString());
            }
            throw new AxisUnavailableException("axis " + operation + " failed: SOAP fault " + local + ": "
                    + e.getFault().getFaultString());
        } catch (WebServiceException e) {
            throw AxisUnavailableException.failed("axis " + operation + " at " + address + " failed", socketCause(e));
        }
        if (result == null || result.getStatus() == null) {
            throw new AxisUnavailableException("axis " + operation + " answered without a Status");
        }
        return result;
    }

    private static <R extends Result> R accepted(R result) {
        if (result.getStatus() == ResultStatus.FAIL) {
            throw new AxisRejectedException(result.getErrorCode(), result.getErrorDesc());
        }
        return result;
    }

    /**
     * CXF wraps the connection's failure ("Could not send Message."): the outermost I/O exception says what happened
     * (HTTP status, timeout, connection refused), the ones below it only how.
     */
    private static Throwable socketCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return cause;
            }
        }
        return e;
    }

    private static OffsetDateTime dateTime(XMLGregorianCalendar calendar) {
        return calendar == null ? null : calendar.toGregorianCalendar().toZonedDateTime().toOffsetDateTime();
    }

    private Client client() {
        return ClientProxy.getClient(port);
    }

    /** Puts the LGSP's bearer token in the HTTP headers of every request. */
    private static final class BearerInterceptor extends AbstractPhaseInterceptor<Message> {

        private final Supplier<String> bearer;

        BearerInterceptor(Supplier<String> bearer) {
            super(Phase.POST_LOGICAL);
            this.bearer = bearer;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void handleMessage(Message message) {
            Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
            if (headers == null) {
                headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(Message.PROTOCOL_HEADERS, headers);
            }
            headers.put("Authorization", List.of(bearer.get()));
        }
    }

    /**
     * CXF reads any HTTP 500 answer as a SOAP fault; one that is not XML (a failing server's or a proxy's error
     * page) would surface as an XML parse error, so it is reported by its HTTP status instead.
     */
    private static final class NonSoapErrorInterceptor extends AbstractPhaseInterceptor<Message> {

        NonSoapErrorInterceptor() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            Object code = message.get(Message.RESPONSE_CODE);
            String type = String.valueOf(message.get(Message.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
            if (code instanceof Integer status && status >= 500 && !type.contains("xml")) {
                throw new Fault(new IOException("HTTP " + status + " (" + type + ") instead of a SOAP answer"));
            }
        }
    }
}
