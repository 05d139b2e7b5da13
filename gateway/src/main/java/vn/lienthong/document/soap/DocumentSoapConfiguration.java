package vn.lienthong.document.soap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.ProducerTemplate;
import org.apache.cxf.Bus;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import vn.lienthong.edxml.EdxmlProperties;

/**
 * The documents' SOAP face: a JAX-WS endpoint published on the application's CXF servlet at
 * {@code ${cxf.path}/documents} ({@code /services/documents}, the WSDL at {@code ?wsdl}), wired as the axis
 * simulator's SOAP transport is, but on in every gateway (it does not depend on {@code lienthong.simulator.*}).
 * <p>
 * Its contract is {@code classpath:wsdl/documents.wsdl}. MTOM is on for requests, and answers are MTOM only when the
 * request was ({@link MtomOnlyWhenAsked}); client mistakes are Client faults ({@link ClientMistakes}). An attachment larger than
 * {@link #ATTACHMENT_MEMORY_THRESHOLD} is spooled by CXF to the edXML spool folder ({@code lienthong.edxml.spool-directory})
 * and read from there as a stream, so a 70 MB edXML file is never held in memory. The size limit is the document
 * route's ({@code lienthong.edxml.max-document-size}, a 413 refusal); CXF's own cap
 * ({@code attachment-max-size}) sits above it only so that a runaway upload cannot fill the disk.
 * <p>
 * Served wherever the gateway's routes are loaded, which it hands every call to: not in the simulators' own process
 * ({@code --spring.profiles.active=simulator}, {@code camel.main.routes-collector-enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "camel.main", name = "routes-collector-enabled", havingValue = "true",
        matchIfMissing = true)
public class DocumentSoapConfiguration {

    /** Where the endpoint is published, relative to the CXF servlet. */
    public static final String ADDRESS = "/documents";
    public static final String WSDL = "classpath:wsdl/documents.wsdl";
    /** Attachments up to this size stay in memory, larger ones go to disk (as multipart parts do on the REST API). */
    static final long ATTACHMENT_MEMORY_THRESHOLD = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DocumentSoapConfiguration.class);

    @Bean(destroyMethod = "stop")
    EndpointImpl documentsSoapEndpoint(Bus bus, ProducerTemplate producer, ObjectMapper json, EdxmlProperties edxml,
                                       Environment environment) {
        EndpointImpl endpoint = new EndpointImpl(bus, new DocumentSoapEndpoint(new IngressRoutes(producer, json), json));
        endpoint.setWsdlLocation(WSDL);
        endpoint.setProperties(Map.of(
                Message.MTOM_ENABLED, Boolean.TRUE,
                AttachmentDeserializer.ATTACHMENT_DIRECTORY, spoolDirectory(edxml.spoolDirectory()).toFile(),
                AttachmentDeserializer.ATTACHMENT_MEMORY_THRESHOLD, ATTACHMENT_MEMORY_THRESHOLD,
                AttachmentDeserializer.ATTACHMENT_MAX_SIZE, 2 * edxml.maxDocumentSize().toBytes()));
        endpoint.getInInterceptors().add(ClientMistakes.READ);
        endpoint.getOutFaultInterceptors().add(ClientMistakes.FAULT_CODE);
        endpoint.getOutFaultInterceptors().add(new ClientFaultCode());
        endpoint.getOutInterceptors().add(new MtomOnlyWhenAsked());
        endpoint.getOutFaultInterceptors().add(new MtomOnlyWhenAsked());
        endpoint.publish(ADDRESS);
        log.info("documents SOAP endpoint at {}{}", cxfPath(environment), ADDRESS);
        return endpoint;
    }

    private static Path spoolDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool folder " + directory, e);
        }
    }

    /** {@code cxf.path} as CXF's Spring Boot starter reads it, without a trailing slash. */
    private static String cxfPath(Environment environment) {
        String path = environment.getProperty("cxf.path", "/services");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
