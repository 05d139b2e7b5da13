package vn.lienthong.national;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.client.DossierOwners;
import vn.lienthong.delivery.DeliveryStopping;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.delivery.DestinationCircuit;
import vn.lienthong.delivery.DestinationCircuits;
import vn.lienthong.document.DocumentSpool;
import vn.lienthong.http.MultipartBody;
import vn.lienthong.mapping.Mappings;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.Destination;
import vn.lienthong.metrics.DestinationCalls;
import vn.lienthong.portal.PortalClient;
import vn.lienthong.tracking.TrackedFiles;
import vn.lienthong.tracking.TrackingStore;

/**
 * The destination adapter of the national flow (routes/national-delivery.yaml, motcua-send): routes a message from the
 * national portal by competence ({@link RoutingTable}: a closed unit code counts as its successor, noted in the trail),
 * fetches its files from the portal (streamed to the spool folder; SHA-256 and size in the trail), posts it to the
 * one-stop system as {@code multipart/form-data} (a {@code dossier} or {@code event} JSON part and one {@code file}
 * part per {@code TaiLieuNop} entry, named by its {@code TenTepDinhKem}), and only then tells the portal "received".
 * A dossier no rule routes, or whose data the portal sent bad, is quarantined ({@link NationalQuarantinedException});
 * a file the portal fails is retried (then the message is set aside and, after its retries, parked with the reason):
 * it is never delivered without its files.
 */
@Component("oneStopDelivery")
public class OneStopDelivery {

    /** The destination's name (its circuit, health and metrics; held messages wait for it). */
    public static final String DESTINATION = "motcua";
    private static final Logger log = LoggerFactory.getLogger(OneStopDelivery.class);

    private final NationalProperties properties;
    private final NationalRouting routing;
    private final NationalPortal portal;
    private final NationalTrail trail;
    private final NationalDossiers dossiers;
    private final TrackingStore tracking;
    private final DocumentSpool spool;
    private final Mappings mappings;
    private final DossierOwners owners;
    private final DestinationCircuit circuit;
    private final ObjectMapper json;
    private final DestinationCalls calls;
    private final HttpClient http;

    public OneStopDelivery(NationalProperties properties, NationalRouting routing, NationalPortal portal,
                           NationalTrail trail, NationalDossiers dossiers, TrackingStore tracking,
                           DocumentSpool spool, Mappings mappings,
                           DossierOwners owners, DestinationCircuits circuits, ObjectMapper json,
                           DestinationCalls calls) {
        this.calls = calls;
        this.properties = properties;
        this.routing = routing;
        this.portal = portal;
        this.trail = trail;
        this.dossiers = dossiers;
        this.tracking = tracking;
        this.spool = spool;
        this.mappings = mappings;
        this.owners = owners;
        this.circuit = circuits.of(DESTINATION);
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
    }

    /** Route step: the message (as queued: the portal's JSON) to its one-stop system, with its files. */
    public void send(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        String quarantine = in.getHeader(Header.QUARANTINE_REASON, String.class);
        if (quarantine != null) {
            throw new NationalQuarantinedException(quarantine);
        }
        String trackingId = DeliveryTrail.trackingId(exchange);
        String maHoSo = in.getHeader(Header.MA_HO_SO, String.class);
        String eventType = in.getHeader(Header.EVENT_TYPE, String.class);
        JsonNode message = json.readTree(in.getBody(String.class));
        NationalRouting.Routed routed = route(eventType, maHoSo, message);
        NationalProperties.OneStop oneStop = properties.destinations().get(routed.destination());
        if (routed.note() != null) {
            tracking.note(trackingId, routed.note());
        }
        if (eventType == null && oneStop.clientId() != null && !oneStop.clientId().isBlank()) {
            owners.claim(maHoSo, oneStop.clientId());
        }

        List<Part> files = fetchFiles(exchange, trackingId, message);
        MultipartBody body = new MultipartBody();
        String base = oneStop.url().replace("{unit}", URLEncoder.encode(routed.unit(), StandardCharsets.UTF_8));
        URI target;
        if (eventType == null) {
            body.text("dossier", "application/json; charset=UTF-8", json.writeValueAsString(format(oneStop, message)));
            target = URI.create(base + "/dossiers");
        } else {
            ObjectNode event = json.createObjectNode().put("type", eventType);
            event.setAll((ObjectNode) message);
            body.text("event", "application/json; charset=UTF-8", json.writeValueAsString(event));
            target = URI.create(base + "/dossiers/" + URLEncoder.encode(maHoSo, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "/events");
        }
        for (Part file : files) {
            body.file("file", file.name(), file.contentType(), file.path());
        }
        HttpResponse<String> answer = circuit.call(maHoSo, () -> DeliveryStopping.isStopping(exchange),
                () -> post(target, oneStop, body, routed.destination()));
        String oneStopId = null;
        if (eventType == null) {
            oneStopId = oneStopId(answer);
            dossiers.delivered(new NationalDossiers.Delivered(maHoSo, routed.destination(), routed.unit(),
                    NationalPortal.text(message, "MaTTHC"), oneStopId));
        }
        exchange.setProperty(Property.DETAIL, "the one-stop system " + routed.destination() + " has it (HTTP "
                + answer.statusCode() + (oneStopId == null ? "" : ", as " + oneStopId) + ", rule: " + routed.rule()
                + (files.isEmpty() ? "" : ", " + files.size() + " file(s)") + ")");
        received(exchange, trackingId);
    }

    /** The portal hears "received" once the one-stop has it; a failure now is healed at the next listing. */
    private void received(Exchange exchange, String trackingId) {
        String entryId = exchange.getIn().getHeader(Header.ENTRY_ID, String.class);
        if (entryId == null) {
            return;
        }
        try {
            portal.received(entryId);
            exchange.setProperty(Property.DETAIL, exchange.getProperty(Property.DETAIL) + "; the portal was told received");
        } catch (RuntimeException e) {
            log.warn("{}: the portal could not be told received ({}): it is told when it lists the entry again",
                    trackingId, e.getMessage());
            exchange.setProperty(Property.DETAIL, exchange.getProperty(Property.DETAIL)
                    + "; the portal could not be told received yet (" + e.getMessage()
                    + "): it is told when it lists it again");
        }
    }

    private Object format(NationalProperties.OneStop oneStop, JsonNode message) {
        String format = oneStop.format() == null ? "dvcqg" : oneStop.format();
        return switch (format) {
            case "dvcqg" -> message;
            case "canonical" -> mappings.apply("dvcqg/dossier-to-canonical.jsonata", message, Map.of());
            default -> mappings.apply("motcua/" + format + ".jsonata", message, Map.of());
        };
    }

    private List<Part> fetchFiles(Exchange exchange, String trackingId, JsonNode message) {
        List<Part> parts = new ArrayList<>();
        List<TrackedFiles.File> recorded = new ArrayList<>();
        for (JsonNode file : NationalPortal.files(message)) {
            String name = NationalPortal.text(file, "TenTepDinhKem");
            URI url = portal.fileUrl(file);
            if (url == null) {
                throw new NationalQuarantinedException("the file " + name + " has neither DuongDanTaiTepTin nor "
                        + "TepDinhKemId: it cannot be fetched from the portal");
            }
            Path path = spool.newFile(".file");
            spool.deleteWhenDone(exchange, List.of(path));
            NationalPortal.Fetched fetched;
            try {
                fetched = portal.fetch(url, path);
            } catch (PortalClient.FileTooLargeException e) {
                throw new NationalQuarantinedException("the file " + name + " is larger than "
                        + "lienthong.national.max-file-size (" + properties.maxFileSize() + ")");
            }
            String contentType = NationalPortal.text(file, "ContentType");
            parts.add(new Part(name == null ? "file-" + parts.size() : name,
                    contentType == null ? "application/octet-stream" : contentType, path));
            recorded.add(new TrackedFiles.File(name, contentType, fetched.size(), fetched.sha256()));
        }
        trail.files(trackingId, recorded);
        return parts;
    }

    /**
     * Where it goes. An event goes where its dossier went (the same one-stop, the same unit); one whose dossier the
     * gateway did not deliver is routed as its dossier, as the portal holds it, would be.
     */
    private NationalRouting.Routed route(String eventType, String maHoSo, JsonNode message) {
        if (eventType == null) {
            return routing.route(message);
        }
        return dossiers.find(maHoSo)
                .map(d -> new NationalRouting.Routed(d.destination(), "where its dossier went", d.unitCode() == null
                        ? "" : d.unitCode(), null))
                .orElseGet(() -> routing.route(portal.detail(maHoSo)));
    }

    /** The one-stop's own id of the dossier ({@code MaHoSoDonVi} in its answer), when it says. */
    private String oneStopId(HttpResponse<String> answer) {
        try {
            return NationalPortal.text(json.readTree(answer.body() == null ? "{}" : answer.body()), "MaHoSoDonVi");
        } catch (IOException notJson) {
            return null;
        }
    }

    private HttpResponse<String> post(URI target, NationalProperties.OneStop oneStop, MultipartBody body, String name) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(properties.fileTimeout())
                .header("Content-Type", body.contentType()).POST(body.publisher());
        if (oneStop.apiKey() != null && !oneStop.apiKey().isBlank()) {
            request.header("X-API-Key", oneStop.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            calls.failed(Destination.MOTCUA, "unreachable", "the one-stop system " + name + " cannot be reached: " + e);
            throw new OneStopUnavailableException("the one-stop system " + name + " at " + target
                    + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OneStopUnavailableException("interrupted while delivering to the one-stop system " + name, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            calls.answered(Destination.MOTCUA, status);
            return response;
        }
        String answer = response.body() == null ? "" : response.body().length() > 500
                ? response.body().substring(0, 500) + "..." : response.body();
        // 404 for an event: the one-stop does not have its dossier yet (on its way): later, not never.
        if (status >= 400 && status < 500 && status != 404 && status != 408 && status != 429) {
            calls.answered(Destination.MOTCUA, status);
            throw new OneStopRejectedException(name, status, answer);
        }
        calls.failed(Destination.MOTCUA, status, "the one-stop system " + name + " answered HTTP " + status);
        throw new OneStopUnavailableException("the one-stop system " + name + " answered HTTP " + status + " "
                + answer, null);
    }

    private record Part(String name, String contentType, Path path) {
    }
}
