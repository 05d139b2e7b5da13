package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the one-stop system (the simulator) received of the dossiers citizens filed at the portal, and what the portal
 * was told: per dossier, whether it arrived, how many times, with its files byte for byte, and whether the portal was
 * told "received" only once the one-stop had it.
 */
final class OneStopDeliveries {

    /**
     * @param expected              dossiers the citizens filed
     * @param delivered             of those, how many the one-stop has (once or more)
     * @param lost                  filed dossiers the one-stop does not have
     * @param duplicates            extra deliveries the one-stop counted (deliveries beyond the first)
     * @param duplicatedDossiers    dossiers delivered more than once
     * @param wrongFiles            dossiers whose files at the one-stop are not the ones filed (names, SHA-256, order)
     * @param receivedTooEarly      dossiers the portal was told "received" before the one-stop had them (or that the
     *                              one-stop does not have at all), with both times
     * @param notToldReceived       dossiers the one-stop has that the portal still lists as waiting
     * @param unexpected            dossiers of this scenario at the one-stop that no citizen filed
     * @param earliestMarginMillis  the smallest time from the one-stop having a dossier to the portal hearing
     *                              "received" (negative: too early)
     */
    record Report(int expected, int delivered, List<String> lost, long duplicates, int duplicatedDossiers,
                  List<String> wrongFiles, List<String> receivedTooEarly, List<String> notToldReceived,
                  List<String> unexpected, long earliestMarginMillis) {

        boolean complete() {
            return lost.isEmpty() && notToldReceived.isEmpty();
        }

        String describe() {
            return "expected " + expected + ", delivered " + delivered + ", lost " + lost.size()
                    + (lost.isEmpty() ? "" : " e.g. " + lost.subList(0, Math.min(10, lost.size())))
                    + ", duplicates " + duplicates + " (" + duplicatedDossiers + " dossiers), wrong files "
                    + wrongFiles.size() + ", told received too early " + receivedTooEarly.size()
                    + ", not told received " + notToldReceived.size()
                    + (notToldReceived.isEmpty() ? "" : " e.g. "
                    + notToldReceived.subList(0, Math.min(10, notToldReceived.size())))
                    + ", unexpected " + unexpected.size();
        }
    }

    private OneStopDeliveries() {
    }

    /** The one-stop's list by MaHoSo. */
    static Map<String, JsonNode> atOneStop(SimulatorProcess simulator, String unit) {
        Map<String, JsonNode> received = new HashMap<>();
        simulator.oneStopDossiers(unit).forEach(d -> received.put(d.path("MaHoSo").asText(), d));
        return received;
    }

    /** Looks once at the one-stop and at every filed dossier's view at the portal. */
    static Report check(SimulatorProcess simulator, String unit, String tag, List<CitizenFiling.Filed> filed) {
        Map<String, JsonNode> oneStop = atOneStop(simulator, unit);
        int delivered = 0;
        long duplicates = 0;
        int duplicated = 0;
        long earliestMargin = Long.MAX_VALUE;
        List<String> lost = new ArrayList<>();
        List<String> wrongFiles = new ArrayList<>();
        List<String> tooEarly = new ArrayList<>();
        List<String> notTold = new ArrayList<>();
        Set<String> filedIds = new HashSet<>();
        for (CitizenFiling.Filed dossier : filed) {
            String maHoSo = dossier.maHoSo();
            filedIds.add(maHoSo);
            JsonNode there = oneStop.get(maHoSo);
            JsonNode province = simulator.dossier(maHoSo).map(view -> view.path("province"))
                    .orElseThrow(() -> new AssertionError("the portal does not know the filed dossier " + maHoSo));
            boolean told = province.path("received").asBoolean();
            if (there == null) {
                lost.add(maHoSo);
                if (told) {
                    tooEarly.add(maHoSo + " told received at " + province.path("receivedAt").asText()
                            + " but not at the one-stop");
                }
                continue;
            }
            delivered++;
            int deliveries = there.path("deliveries").asInt(1);
            if (deliveries > 1) {
                duplicates += deliveries - 1;
                duplicated++;
            }
            List<String> names = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            there.path("files").forEach(f -> {
                names.add(f.path("name").asText());
                hashes.add(f.path("sha256").asText());
            });
            if (!names.equals(dossier.names()) || !hashes.equals(dossier.sha256())) {
                wrongFiles.add(maHoSo + " has " + names + " " + hashes + ", filed " + dossier.names() + " "
                        + dossier.sha256());
            }
            if (!told) {
                notTold.add(maHoSo);
                continue;
            }
            Instant atOneStop = OffsetDateTime.parse(there.path("receivedAt").asText()).toInstant();
            Instant toldAt = OffsetDateTime.parse(province.path("receivedAt").asText()).toInstant();
            long margin = Duration.between(atOneStop, toldAt).toMillis();
            earliestMargin = Math.min(earliestMargin, margin);
            if (toldAt.isBefore(atOneStop)) {
                tooEarly.add(maHoSo + " told received at " + toldAt + ", at the one-stop at " + atOneStop);
            }
        }
        List<String> unexpected = oneStop.keySet().stream()
                .filter(maHoSo -> maHoSo.contains("-" + tag + "-") && !filedIds.contains(maHoSo)).sorted().toList();
        return new Report(filed.size(), delivered, lost, duplicates, duplicated, wrongFiles, tooEarly, notTold,
                unexpected, earliestMargin == Long.MAX_VALUE ? -1 : earliestMargin);
    }

    /**
     * Waits until the one-stop has every filed dossier and the portal lists none as waiting, or until neither moved
     * for {@code stall}, or {@code timeout} passed; then checks every dossier once. The report says what is missing,
     * if anything: the caller prints it and asserts.
     */
    static Report awaitAll(SimulatorProcess simulator, String unit, String tag, List<CitizenFiling.Filed> filed,
                           Duration timeout, Duration stall) {
        Set<String> wanted = new HashSet<>();
        filed.forEach(f -> wanted.add(f.maHoSo()));
        long[] last = {System.nanoTime(), -1};
        try {
            await("every filed dossier to reach the one-stop and the portal to be told").atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        long there = atOneStop(simulator, unit).keySet().stream().filter(wanted::contains).count();
                        long waiting = simulator.stats().path("waitingEntries").asLong();
                        long progress = there * 1_000_000 + (1_000_000 - waiting);
                        if (progress > last[1]) {
                            last[0] = System.nanoTime();
                            last[1] = progress;
                        }
                        boolean done = there == wanted.size() && waiting == 0;
                        boolean stalled = System.nanoTime() - last[0] > stall.toNanos();
                        if (stalled && !done) {
                            System.out.println("[reliability] nothing moved for " + stall + ": " + there + " of "
                                    + wanted.size() + " at the one-stop, " + waiting + " entries waiting at the portal");
                        }
                        return done || stalled;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("[reliability] not every filed dossier reached the one-stop within " + timeout);
        }
        return check(simulator, unit, tag, filed);
    }

    /** Prints what is missing and the trail of the first dossiers that were lost, told received too early or not told. */
    static void explain(Report report, Database database) {
        if (!report.complete() || !report.receivedTooEarly().isEmpty()) {
            System.out.println("[reliability] " + report.describe());
        }
        report.receivedTooEarly().stream().limit(5).forEach(line -> System.out.println("[reliability] " + line));
        java.util.stream.Stream.concat(report.lost().stream(), report.notToldReceived().stream()).limit(4)
                .forEach(maHoSo -> {
                    System.out.println("[reliability] trail of " + maHoSo + ":");
                    database.trail(maHoSo).forEach(line -> System.out.println("    " + line));
                });
    }

    /** When the one-stop received the last of the dossiers it has (epoch milliseconds). */
    static Optional<Long> lastReceivedAt(Map<String, JsonNode> oneStop) {
        return oneStop.values().stream()
                .map(d -> OffsetDateTime.parse(d.path("receivedAt").asText()).toInstant().toEpochMilli())
                .max(Long::compare);
    }
}
