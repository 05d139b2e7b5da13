package vn.lienthong.edxml;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The edXML building blocks as beans, configured from {@code lienthong.edxml.*}. */
@Configuration(proxyBeanMethods = false)
public class EdxmlConfiguration {

    @Bean
    public SignatureVerifier edxmlSignatureVerifier(EdxmlProperties properties) {
        return SignatureVerifier.fromProperties(properties);
    }

    @Bean
    public EdxmlReader edxmlReader(EdxmlProperties properties, SignatureVerifier edxmlSignatureVerifier) {
        return new EdxmlReader(properties, edxmlSignatureVerifier);
    }

    @Bean
    public EdxmlWriter edxmlWriter(EdxmlProperties properties) {
        return new EdxmlWriter(properties);
    }

    @Bean
    public EdxmlSigner edxmlSigner(EdxmlProperties properties) {
        return EdxmlSigner.fromProperties(properties.signing());
    }
}
