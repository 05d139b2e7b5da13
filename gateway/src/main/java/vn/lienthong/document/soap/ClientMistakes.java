package vn.lienthong.document.soap;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Client mistakes in a SOAP request are {@code soap:Client} faults, never {@code soap:Server}: a request that failed
 * before its operation was invoked (not well-formed XML such as {@code &#x1;}, a part that does not bind, a missing
 * MTOM attachment) was the client's to fix, and so is an empty Body. {@link #READ} runs just before the invocation
 * (refusing an empty Body, and marking the request as read); {@link #FAULT_CODE} marks every fault of an unread
 * request Client. Faults of the operation itself keep their code ({@link ClientFaultCode} maps the typed refusals).
 */
public final class ClientMistakes {

    private static final String REQUEST_READ = ClientMistakes.class.getName() + ".read";

    public static final AbstractPhaseInterceptor<Message> READ = new AbstractPhaseInterceptor<>(Phase.PRE_INVOKE) {
        @Override
        public void handleMessage(Message message) {
            Exchange exchange = message.getExchange();
            MessageContentsList parameters = MessageContentsList.getContentsList(message);
            if (exchange.getBindingOperationInfo() == null || parameters == null || parameters.isEmpty()
                    || parameters.get(0) == null) {
                throw new SoapFault("the SOAP Body is empty or names no operation of this service: it must hold "
                        + "one operation element (see the WSDL)", Fault.FAULT_CODE_CLIENT);
            }
            exchange.put(REQUEST_READ, Boolean.TRUE);
        }
    };

    public static final AbstractPhaseInterceptor<Message> FAULT_CODE = new AbstractPhaseInterceptor<>(
            Phase.PRE_LOGICAL) {
        @Override
        public void handleMessage(Message message) {
            if (message.getContent(Exception.class) instanceof Fault fault
                    && !Boolean.TRUE.equals(message.getExchange().get(REQUEST_READ))) {
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            }
        }
    };

    private ClientMistakes() {
    }
}
