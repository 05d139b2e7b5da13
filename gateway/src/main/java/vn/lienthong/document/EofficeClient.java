package vn.lienthong.document;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.http.MultipartBody;
import vn.lienthong.delivery.DeliveryStopping;
import vn.lienthong.delivery.DestinationCircuit;
import vn.lienthong.delivery.DestinationCircuits;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.Destination;
import vn.lienthong.metrics.DestinationCalls;

/**
 * The e-office webhook: a document goes as multipart ({@code metadata} JSON from {@code mappings/eoffice/}, then one
 * {@code file} part per attachment streamed from the spool folder), a status as JSON. A 2xx means the e-office has it;
 * 4xx is a refusal (not retried); anything else is transient.
 */
@Component("eofficeClient")
public class EofficeClient {

    private final HttpClient http;
    private final ObjectMapper json;
    private final DocumentProperties properties;

    private final DestinationCalls calls;
    private final DestinationCircuit circuit;

    public EofficeClient(DocumentProperties properties, ObjectMapper json, DestinationCalls calls,
                         DestinationCircuits circuits) {
        this.circuit = circuits.of("eoffice");
        this.properties = properties;
        this.json = json;
        this.calls = calls;
        this.http = HttpClient.newBuilder().connectTimeout(properties.eofficeConnectTimeout()).build();
    }

    /** Route step: body = the e-office's metadata (from the mapping), attachments in an exchange property. */
    @SuppressWarnings("unchecked")
    public void deliverDocument(Exchange exchange) throws JsonProcessingException {
        String organ = exchange.getProperty(Property.EOFFICE_ORGAN, String.class);
        List<EdxmlAttachment> attachments = exchange.getProperty(Property.ATTACHMENTS, List.class);
        MultipartBody body = new MultipartBody().text("metadata", "application/json; charset=UTF-8",
                json.writeValueAsString(exchange.getIn().getBody()));
        for (EdxmlAttachment a : attachments) {
            body.file("file", a.name(), a.contentType() == null ? "application/octet-stream" : a.contentType(),
                    a.spooledFile());
        }
        post(exchange, organ, "documents", body.contentType(), body.publisher());
    }

    /** Route step: body = the status JSON for the e-office (from the mapping). */
    public void deliverStatus(Exchange exchange) throws JsonProcessingException {
        String organ = exchange.getProperty(Property.EOFFICE_ORGAN, String.class);
        post(exchange, organ, "statuses", "application/json; charset=UTF-8",
                HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(exchange.getIn().getBody())));
    }

    /** One call through the e-office's circuit (it waits while the e-office is down). */
    private void post(Exchange exchange, String organ, String what, String contentType,
                      HttpRequest.BodyPublisher body) {
        circuit.call(exchange.getIn().getHeader(Header.DOCUMENT_ID, String.class),
                () -> DeliveryStopping.isStopping(exchange), () -> {
                    post(organ, what, contentType, body);
                    return null;
                });
    }

    private void post(String organ, String what, String contentType, HttpRequest.BodyPublisher body) {
        URI uri = URI.create(properties.eofficeUrl() + "/" + URLEncoder.encode(organ, StandardCharsets.UTF_8) + "/"
                + what);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.eofficeTimeout())
                .header("Content-Type", contentType).POST(body);
        if (properties.eofficeApiKey() != null && !properties.eofficeApiKey().isBlank()) {
            request.header("X-API-Key", properties.eofficeApiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            calls.failed(Destination.EOFFICE, "unreachable", "the e-office at " + uri + " cannot be reached: " + e);
            throw new EofficeUnavailableException("the e-office at " + uri + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EofficeUnavailableException("interrupted while delivering to the e-office", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            calls.answered(Destination.EOFFICE, status);
            return;
        }
        String answer = abbreviate(response.body());
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            calls.answered(Destination.EOFFICE, status);
            throw new EofficeRejectedException(status, answer);
        }
        calls.failed(Destination.EOFFICE, status, "the e-office answered HTTP " + status + " " + answer);
        throw new EofficeUnavailableException("the e-office answered HTTP " + status + " " + answer, null);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
