package vn.lienthong.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the {@link LeaseClusterService} into the Camel context before its routes start (master: endpoints use it). */
@Configuration
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    @Bean
    LeaseClusterService leaseClusterService(Leases leases, ClusterProperties properties) {
        return new LeaseClusterService(leases, properties);
    }

    @Bean
    CamelContextConfiguration leaseClusterInCamel(LeaseClusterService service) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                try {
                    camelContext.addService(service, true, true);
                } catch (Exception e) {
                    throw new IllegalStateException("the lease cluster service could not join the Camel context", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing: the service started with the context
            }
        };
    }
}
