package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/** What the gateway's own trail (tracking storage in PostgreSQL) says about the accepted messages. */
final class TrackingCheck {

    private TrackingCheck() {
    }

    /**
     * Waits until every given tracking id has reached the state (e.g. DELIVERED): the trail agrees with what the
     * portal received. Returns how many are in which other state when the timeout passed (empty: all are).
     */
    static Map<String, Long> awaitState(Database database, Collection<String> trackingIds, String state,
                                        Duration timeout) {
        AtomicReference<Map<String, Long>> others = new AtomicReference<>(Map.of());
        try {
            await("the trail of every accepted message to say " + state).atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Map<String, String> states = database.stateByTrackingId();
                        Map<String, Long> notThere = new TreeMap<>();
                        for (String id : trackingIds) {
                            String actual = states.getOrDefault(id, "MISSING");
                            if (!actual.equals(state)) {
                                notThere.merge(actual, 1L, Long::sum);
                            }
                        }
                        others.set(notThere);
                        return notThere.isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("[reliability] tracking: not every accepted message is " + state + ": " + others.get());
        }
        return others.get();
    }

    /**
     * Waits until each dossier come down from the national portal has exactly one message in the trail (taken once
     * per portal entry, however often it was listed) and that message says DELIVERED. Returns what else there is when
     * the timeout passed: states with how many dossiers are in them, "MISSING", or "n messages" (empty: all are).
     */
    static Map<String, Long> awaitNationalDelivered(Database database, Collection<String> maHoSos, Duration timeout) {
        AtomicReference<Map<String, Long>> others = new AtomicReference<>(Map.of());
        try {
            await("the trail of every dossier from the portal to say DELIVERED once").atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Map<String, List<String>> states = database.statesByMaHoSo("NATIONAL_DOSSIER");
                        Map<String, Long> notThere = new TreeMap<>();
                        for (String maHoSo : maHoSos) {
                            List<String> messages = states.getOrDefault(maHoSo, List.of());
                            String outcome = messages.isEmpty() ? "MISSING" : messages.size() > 1
                                    ? messages.size() + " messages" : messages.get(0);
                            if (!outcome.equals("DELIVERED")) {
                                notThere.merge(outcome, 1L, Long::sum);
                            }
                        }
                        others.set(notThere);
                        return notThere.isEmpty();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("[reliability] tracking: not every dossier from the portal is DELIVERED once: "
                    + others.get());
        }
        return others.get();
    }

    /** The trail's state of each lost message ("MaHoSo#step trackingId: STATE"), to tell why it is missing. */
    static List<String> statesOfLost(Database database, List<Load.Accepted> accepted, List<String> lost) {
        Map<String, String> states = database.stateByTrackingId();
        java.util.Set<String> wanted = new java.util.HashSet<>(lost);
        return accepted.stream().filter(a -> wanted.contains(a.maHoSo() + "#" + a.step()))
                .map(a -> a.maHoSo() + "#" + a.step() + " " + a.trackingId() + (a.replayed() ? " (202 replayed)" : "")
                        + ": " + states.getOrDefault(a.trackingId(), "MISSING"))
                .limit(20).toList();
    }

    /**
     * Trail rows the client never got a 202 for (their request failed in the crash): the gateway registered them and
     * then died before answering. Listed with their state.
     */
    static Map<String, Long> rowsWithoutA202(Database database, Collection<String> acceptedTrackingIds) {
        Map<String, Long> orphans = new TreeMap<>();
        java.util.Set<String> accepted = new java.util.HashSet<>(acceptedTrackingIds);
        database.stateByTrackingId().forEach((id, state) -> {
            if (!accepted.contains(id)) {
                orphans.merge(state, 1L, Long::sum);
            }
        });
        return orphans;
    }

    static List<String> ids(List<Load.Accepted> accepted) {
        return accepted.stream().map(Load.Accepted::trackingId).distinct().toList();
    }
}
