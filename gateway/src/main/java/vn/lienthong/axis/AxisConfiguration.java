package vn.lienthong.axis;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.metrics.DestinationCalls;

/**
 * The one {@link AxisTransport} the gateway's routes use, {@code axisTransport}: JSON/HTTP or SOAP as
 * {@code lienthong.axis.transport} says. Building it calls nothing: the axis is first reached by the first call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxisProperties.class)
public class AxisConfiguration {

    @Bean
    AxisTransport axisTransport(AxisProperties properties, ObjectProvider<ObjectMapper> json,
            ObjectProvider<Bus> bus, ObjectProvider<DestinationCalls> calls) {
        return switch (properties.transport()) {
            case JSON -> new AxisJsonTransport(properties, json.getIfAvailable(ObjectMapper::new),
                    calls.getIfAvailable(() -> DestinationCalls.NONE));
            // the application's CXF bus (the one the simulator's endpoint is published on) when there is one
            case SOAP -> new AxisSoapTransport(properties, bus.getIfAvailable(BusFactory::getDefaultBus));
        };
    }
}
