package vn.lienthong.document.soap;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

import vn.lienthong.document.soap.contract.RefusalFault;

/**
 * Marks a refusal for the client's own reasons (status 4xx) with the SOAP fault code Client, as SOAP 1.1 asks for a
 * message the receiver will not take as it is; the gateway's own failures (500, 503) stay Server. CXF writes every
 * checked fault as Server otherwise.
 */
class ClientFaultCode extends AbstractPhaseInterceptor<Message> {

    ClientFaultCode() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        if (message.getContent(Exception.class) instanceof Fault fault
                && fault.getCause() instanceof RefusalFault refusal
                && refusal.getFaultInfo() != null && refusal.getFaultInfo().getStatus() < 500) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
    }
}
