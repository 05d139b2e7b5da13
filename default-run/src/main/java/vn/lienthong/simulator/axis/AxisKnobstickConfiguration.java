package vn.lienthong.simulator.axis;

import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import vn.lienthong.document.soap.ClientMistakes;
import vn.lienthong.document.soap.MtomOnlyWhenAsked;

/**
 * The axis simulator's SOAP transport: a JAX-WS endpoint (MTOM on) published on the application's CXF servlet at
 * {@code ${cxf.path}/sim/axis} ({@code /services/sim/axis}), sharing the JSON transport's mailboxes. Its contract is
 * {@code classpath:wsdl/axis-knobstick.wsdl}; the same faults apply, through a servlet filter in front of it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnAxisSimulator
@ConditionalOnClass(name = "org.apache.cxf.jaxws.EndpointImpl")
public class AxisKnobstickConfiguration {

    /** Where the endpoint is published, relative to the CXF servlet. */
    public static final String ADDRESS = "/sim/axis";
    public static final String WSDL = "classpath:wsdl/axis-knobstick.wsdl";

    private static final Logger log = LoggerFactory.getLogger(AxisKnobstickConfiguration.class);

    @Bean(destroyMethod = "stop")
    EndpointImpl axisKnobstickEndpoint(Bus bus, AxisPostOffice postOffice, AxisSessionTokens tokens,
            Environment environment) {
        EndpointImpl endpoint = new EndpointImpl(bus, new AxisKnobstickEndpoint(postOffice, tokens));
        endpoint.setWsdlLocation(WSDL);
        endpoint.setProperties(Map.of(Message.MTOM_ENABLED, Boolean.TRUE));
        // like the gateway's own SOAP face: MTOM back only to an MTOM request or with a file, client mistakes Client
        endpoint.getInInterceptors().add(ClientMistakes.READ);
        endpoint.getOutFaultInterceptors().add(ClientMistakes.FAULT_CODE);
        endpoint.getOutInterceptors().add(new MtomOnlyWhenAsked());
        endpoint.getOutFaultInterceptors().add(new MtomOnlyWhenAsked());
        endpoint.publish(ADDRESS);
        log.info("axis simulator SOAP transport at {}{}", cxfPath(environment), ADDRESS);
        return endpoint;
    }

    @Bean
    FilterRegistrationBean<AxisSoapFaultFilter> axisSoapFaultFilter(AxisPostOffice postOffice,
            Environment environment) {
        FilterRegistrationBean<AxisSoapFaultFilter> registration =
                new FilterRegistrationBean<>(new AxisSoapFaultFilter(postOffice.faults()));
        String path = cxfPath(environment) + ADDRESS;
        registration.addUrlPatterns(path, path + "/*");
        registration.setName("axisSoapFaultFilter");
        return registration;
    }

    /** {@code cxf.path} as CXF's Spring Boot starter reads it, without a trailing slash. */
    static String cxfPath(Environment environment) {
        String path = environment.getProperty("cxf.path", "/services");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
