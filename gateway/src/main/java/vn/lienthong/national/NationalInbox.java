package vn.lienthong.national;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.message.ExchangeNames.Property;

/**
 * Pull (lienthong.national.mode pull): the entries waiting for the province at the portal, every poll-interval on one
 * instance at a time (routes/national-ingress.yaml, national-poll). Each dossier's detail is fetched
 * ({@code LayChiTietHoSo}) and every entry goes through the same intake as a pushed one ({@code direct:national-entry}):
 * checked, stored durably once per entry id. The portal is told "received" only after the one-stop has it
 * ({@link OneStopDelivery}); until then it lists the entry again, and the intake takes it once.
 */
@Component("nationalInbox")
public class NationalInbox {

    private static final Logger log = LoggerFactory.getLogger(NationalInbox.class);
    /** The portal as the sender of what the gateway pulls: it may send what comes down, nothing else. */
    static final ClientSystem PORTAL = new ClientSystem(NationalIntake.PORTAL_CLIENT, null, null, null,
            NationalIntake.FORMAT, Set.of("national-dossier", "national-event"), null, null, null);

    private final NationalPortal portal;
    private final NationalProperties properties;
    private final ProducerTemplate producer;
    private final JdbcTemplate jdbc;
    private final ExecutorService intake;

    public NationalInbox(NationalPortal portal, NationalProperties properties, ProducerTemplate producer,
                         JdbcTemplate jdbc) {
        this.portal = portal;
        this.properties = properties;
        this.producer = producer;
        this.jdbc = jdbc;
        AtomicInteger threads = new AtomicInteger();
        this.intake = Executors.newFixedThreadPool(Math.max(1, properties.intakeThreads()), task -> {
            Thread thread = new Thread(task, "national-intake-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        intake.shutdownNow();
    }

    /** The job: takes what waits, oldest first; an entry that could not be taken is listed again next time. */
    public void poll() {
        if (properties.mode() != NationalProperties.Mode.PULL) {
            return;
        }
        NationalPortal.Listing listing = portal.waiting();
        // A listing's dossiers are taken in parallel, each dossier's entries one after the other, oldest first: a
        // supplement is never accepted before its dossier, and one slow detail call does not hold up the others.
        Map<String, List<JsonNode>> byDossier = new LinkedHashMap<>();
        for (JsonNode entry : listing.entries()) {
            byDossier.computeIfAbsent(String.valueOf(NationalPortal.text(entry, "MaHoSo")), k -> new ArrayList<>())
                    .add(entry);
        }
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> dossiers = new ArrayList<>();
        for (List<JsonNode> entries : byDossier.values()) {
            dossiers.add(intake.submit(() -> {
                for (JsonNode entry : entries) {
                    if (take(entry)) {
                        taken.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        // the dossier's later entries wait for the next listing, behind this one
                        break;
                    }
                }
            }));
        }
        for (Future<?> dossier : dossiers) {
            try {
                dossier.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.warn("national portal: taking a dossier's entries failed: {}", e.getCause().getMessage());
            }
        }
        if (!listing.entries().isEmpty()) {
            log.info("national portal: {} entr{} listed ({} waiting in all), {} taken{}", listing.entries().size(),
                    listing.entries().size() == 1 ? "y" : "ies", listing.total(), taken.get(),
                    failed.get() == 0 ? "" : ", " + failed.get() + " to be taken at the next listing");
        }
    }

    /** The state of the message an entry was taken as, or null when it was not taken yet (one indexed query). */
    private String takenBefore(String entryId) {
        if (entryId == null) {
            return null;
        }
        return jdbc.query("select state from tracked_message where client_id = ? and idempotency_key = ?",
                (rs, n) -> rs.getString(1), NationalIntake.PORTAL_CLIENT, NationalIntake.ENTRY_KEY_PREFIX + entryId)
                .stream().findFirst().orElse(null);
    }

    /** The api-intake's admission of a pulled entry: the portal is its sender. */
    public void admit(Exchange exchange) {
        exchange.setProperty(Property.CLIENT, PORTAL);
    }

    private boolean take(JsonNode entry) {
        try {
            String taken = takenBefore(NationalPortal.text(entry, "id"));
            if (taken != null) {
                // Listed again while on its way (not delivered yet): nothing to fetch. Delivered, but the portal was
                // not told then: told now.
                if ("DELIVERED".equals(taken)) {
                    portal.received(NationalPortal.text(entry, "id"));
                }
                return true;
            }
            JsonNode message = entry;
            if ("dossier".equalsIgnoreCase(NationalPortal.text(entry, "type"))) {
                // The dossier as the portal holds it now, with its files' URLs and supplements.
                JsonNode detail = portal.detail(NationalPortal.text(entry, "MaHoSo"));
                if (detail != null && detail.isObject()) {
                    ObjectNode withDetail = entry.deepCopy();
                    withDetail.set("data", detail);
                    message = withDetail;
                }
            }
            JsonNode body = message;
            Exchange done = producer.send("direct:national-entry", exchange -> exchange.getIn().setBody(body));
            if (done.getException() != null || done.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class) != null
                    && done.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class) >= 300) {
                log.warn("national portal entry {} not taken: {}", NationalPortal.text(entry, "id"),
                        done.getException() != null ? done.getException().getMessage() : done.getIn().getBody(String.class));
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("national portal entry {} not taken: {}", NationalPortal.text(entry, "id"), e.getMessage());
            return false;
        }
    }
}
