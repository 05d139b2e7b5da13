package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the portal (the simulator) received compared with what the gateway accepted: per dossier, whether the dossier
 * and each accepted progress item arrived, how many times, and in what order.
 */
final class Deliveries {

    /**
     * @param expected        messages the gateway answered 202 for
     * @param delivered       of those, how many the portal has (once or more)
     * @param lost            the ones it does not have: MaHoSo#step
     * @param duplicates      extra copies the portal received: syncs beyond the first, progress items repeated
     * @param orderViolations dossiers whose progress arrived out of the order it was accepted in
     * @param unexpected      items the portal has that were never answered 202 (a client that gave up)
     * @param dossiersAtPortal how many of this load's dossiers the portal has
     */
    record Report(int expected, int delivered, List<String> lost, long duplicates, List<String> orderViolations,
                  List<String> unexpected, int dossiersAtPortal) {

        boolean complete() {
            return lost.isEmpty();
        }

        String describe() {
            return "expected " + expected + ", delivered " + delivered + ", lost " + lost.size()
                    + (lost.isEmpty() ? "" : " e.g. " + lost.subList(0, Math.min(10, lost.size())))
                    + ", duplicates " + duplicates + ", order violations " + orderViolations.size()
                    + (orderViolations.isEmpty() ? "" : " e.g. " + orderViolations.subList(0,
                    Math.min(5, orderViolations.size())))
                    + ", unexpected " + unexpected.size() + ", dossiers at the portal " + dossiersAtPortal;
        }
    }

    private Deliveries() {
    }

    /** Looks once at every accepted dossier in the portal. */
    static Report check(SimulatorProcess portal, List<Load.Accepted> accepted) {
        Map<String, TreeSet<Integer>> expected = expectedSteps(accepted);
        int delivered = 0;
        long duplicates = 0;
        int atPortal = 0;
        List<String> lost = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, TreeSet<Integer>> dossier : expected.entrySet()) {
            String maHoSo = dossier.getKey();
            Optional<JsonNode> view = portal.dossier(maHoSo);
            Set<Integer> wanted = dossier.getValue();
            if (view.isEmpty()) {
                wanted.forEach(step -> lost.add(maHoSo + "#" + step));
                continue;
            }
            atPortal++;
            List<Integer> received = new ArrayList<>();
            view.get().path("progress").forEach(item -> received.add(Load.step(item)));
            Set<Integer> distinct = new HashSet<>(received);
            distinct.add(0);
            duplicates += (received.size() - (distinct.size() - 1)) + Math.max(0,
                    view.get().path("syncCount").asInt(1) - 1);
            for (int step : wanted) {
                if (distinct.contains(step)) {
                    delivered++;
                } else {
                    lost.add(maHoSo + "#" + step);
                }
            }
            for (int step : distinct) {
                if (!wanted.contains(step)) {
                    unexpected.add(maHoSo + "#" + step);
                }
            }
            for (int i = 1; i < received.size(); i++) {
                if (received.get(i) < received.get(i - 1)) {
                    order.add(maHoSo + " received " + received);
                    break;
                }
            }
        }
        return new Report(accepted.size(), delivered, lost, duplicates, order, unexpected, atPortal);
    }

    /**
     * Waits until the portal has every accepted message (looking again only at the dossiers still missing
     * something), or until nothing more arrived for {@code stall}, or {@code timeout} passed; then checks every
     * dossier once more. The report says what is still missing, if anything: the caller prints it and asserts.
     */
    static Report awaitAll(SimulatorProcess portal, List<Load.Accepted> accepted, Duration timeout, Duration stall) {
        Map<String, List<Load.Accepted>> missing = new HashMap<>();
        accepted.forEach(a -> missing.computeIfAbsent(a.maHoSo(), k -> new ArrayList<>()).add(a));
        long[] lastProgress = {System.nanoTime(), Long.MAX_VALUE};
        try {
            await("every accepted message to reach the portal").atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Report report = check(portal, missing.values().stream().flatMap(List::stream).toList());
                        Set<String> stillMissing = new HashSet<>();
                        report.lost().forEach(l -> stillMissing.add(l.substring(0, l.indexOf('#'))));
                        missing.keySet().retainAll(stillMissing);
                        if (report.lost().size() < lastProgress[1]) {
                            lastProgress[0] = System.nanoTime();
                            lastProgress[1] = report.lost().size();
                        }
                        boolean stalled = System.nanoTime() - lastProgress[0] > stall.toNanos();
                        if (stalled && !missing.isEmpty()) {
                            System.out.println("[reliability] nothing more reached the portal for " + stall
                                    + "; still missing: " + report.describe());
                        }
                        return missing.isEmpty() || stalled;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("[reliability] not every accepted message reached the portal within " + timeout);
        }
        return check(portal, accepted);
    }

    private static Map<String, TreeSet<Integer>> expectedSteps(List<Load.Accepted> accepted) {
        Map<String, TreeSet<Integer>> steps = new LinkedHashMap<>();
        for (Load.Accepted message : accepted) {
            steps.computeIfAbsent(message.maHoSo(), k -> new TreeSet<>()).add(message.step());
        }
        return steps;
    }
}
