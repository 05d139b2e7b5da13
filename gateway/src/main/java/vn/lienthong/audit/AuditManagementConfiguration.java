package vn.lienthong.audit;

import java.util.List;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts {@link JolokiaAudit} in front of Jolokia in the context that serves the actuator: the application's in the
 * default run, the management server's own when it has a port of its own (prod). After Spring Security's filters
 * (order -100), so the user is known.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
public class AuditManagementConfiguration {

    @Bean
    FilterRegistrationBean<JolokiaAudit> jolokiaAudit(AuditTrail audit, ObjectMapper json,
                                                      WebEndpointProperties endpoints) {
        String base = endpoints.getBasePath().endsWith("/")
                ? endpoints.getBasePath().substring(0, endpoints.getBasePath().length() - 1) : endpoints.getBasePath();
        FilterRegistrationBean<JolokiaAudit> registration = new FilterRegistrationBean<>(
                new JolokiaAudit(audit, json, List.of(base + "/jolokia", base + "/hawtio/jolokia")));
        registration.setOrder(0);
        return registration;
    }
}
