package vn.lienthong.bench;

import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts one message of a dossier to the gateway's API (client demo-dvcqg): the dossier itself (step 0), or its
 * progress item k. One message = one POST over the calling thread's own kept-alive connection; a 202 is counted as
 * accepted, anything else as refused.
 */
final class Sender {

    static final String API_KEY = "demo-dvcqg-key";
    private static final int SHOWN_REFUSALS = 5;

    private static final String API = "/api/v1";

    private final ThreadLocal<KeepAliveConnection> connection;
    private final Queue<KeepAliveConnection> opened = new ConcurrentLinkedQueue<>();
    private final AtomicInteger shown = new AtomicInteger();

    Sender(String gatewayUrl) {
        this.connection = ThreadLocal.withInitial(() -> {
            KeepAliveConnection created = new KeepAliveConnection(gatewayUrl);
            opened.add(created);
            return created;
        });
    }

    /** Closes every connection opened so far (the client threads of a phase are gone once it ends). */
    void closeConnections() {
        for (KeepAliveConnection c = opened.poll(); c != null; c = opened.poll()) {
            c.close();
        }
    }

    /**
     * @param startNanos when the request was due: latency is counted from then (the paced phase passes its schedule,
     *                   so a late request counts its lateness too)
     * @return whether the gateway answered 202
     */
    boolean send(Phase phase, Phase.Dossier dossier, int step, long startNanos) {
        String path = step == 0 ? API + "/dossiers" : API + "/dossiers/" + dossier.maHoSo() + "/progress";
        byte[] body = step == 0 ? dossier.body() : dossier.progress().get(step - 1);
        Map<String, String> headers = Map.of(
                "Content-Type", "application/json",
                "X-API-Key", API_KEY,
                "Idempotency-Key", dossier.maHoSo() + "#" + step);
        phase.sent.incrementAndGet();
        String problem;
        try {
            BenchHttp.Reply reply = connection.get().post(path, body, headers);
            if (reply.status() == 202) {
                phase.acceptLatency.add(System.nanoTime() - startNanos);
                phase.accepted.incrementAndGet();
                if (step == 0) {
                    phase.acceptedDossiers.incrementAndGet();
                }
                return true;
            }
            problem = "HTTP " + reply.status() + " " + reply.text();
        } catch (IOException | RuntimeException e) {
            connection.get().close();
            problem = e.toString();
        }
        phase.refused.incrementAndGet();
        if (shown.incrementAndGet() <= SHOWN_REFUSALS) {
            System.out.printf("  %s: %s step %d not accepted: %s%n", phase.name, dossier.maHoSo(), step, problem);
        }
        return false;
    }
}
