package vn.lienthong.client;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.tracking.BoundedCache;

/**
 * Each dossier belongs to the client that created it (table {@code dossier_owner}): only the owner, and the clients
 * it shares its dossiers with ({@code shared-with}), may update it or add its progress; the API answers any other
 * client 403 with the reason these methods give.
 * <p>
 * The first dossier message admitted for a MaHoSo claims it with one insert (no transaction of its own beyond that
 * statement); of two clients claiming at once, on one instance or several, the primary key lets one win and the other
 * is then checked against it. An owner never changes, so it is remembered: a known dossier costs no query, a new one
 * the insert, a dossier known only to the database one primary-key lookup.
 */
@Repository
public class DossierOwners {

    private final JdbcTemplate jdbc;
    private final ClientRegistry clients;
    private final BoundedCache<String, String> owners = new BoundedCache<>(100_000);

    public DossierOwners(JdbcTemplate jdbc, ClientRegistry clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    /**
     * A dossier from {@code client}: claims a new MaHoSo for it; why it may not send it (another client owns the
     * dossier and does not share it), or empty.
     */
    public Optional<String> refuseDossier(ClientSystem client, String maHoSo) {
        // a new dossier is the common case: one insert claims it (and, if it is not new, tells so)
        String known = owners.get(maHoSo);
        String owner = known != null ? known : claim(maHoSo, client.id());
        return refusal(client, owner, maHoSo, "update");
    }

    /** Progress from {@code client}: why it may not add it (another client owns the dossier), or empty. */
    public Optional<String> refuseProgress(ClientSystem client, String maHoSo) {
        return ownerOf(maHoSo).flatMap(owner -> refusal(client, owner, maHoSo, "add progress to"));
    }

    /**
     * Makes {@code clientId} the owner of a dossier nobody owns yet (a dossier from the portal is owned by the one-stop
     * system it is handed to); the owner it has now.
     */
    public String claim(String maHoSo, String clientId) {
        try {
            jdbc.update("insert into dossier_owner (ma_ho_so, client_id, claimed_at) values (?, ?, ?)", maHoSo,
                    clientId, OffsetDateTime.now(ZoneOffset.UTC));
            owners.put(maHoSo, clientId);
            return clientId;
        } catch (DuplicateKeyException claimedMeanwhile) {
            return ownerOf(maHoSo).orElseThrow(() -> claimedMeanwhile);
        }
    }

    public Optional<String> ownerOf(String maHoSo) {
        String known = owners.get(maHoSo);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> owner = jdbc.query("select client_id from dossier_owner where ma_ho_so = ?",
                (rs, row) -> rs.getString(1), maHoSo).stream().findFirst();
        owner.ifPresent(o -> owners.put(maHoSo, o));
        return owner;
    }

    private Optional<String> refusal(ClientSystem client, String owner, String maHoSo, String action) {
        if (owner.equals(client.id())
                || clients.byId(owner).map(o -> o.sharedWith().contains(client.id())).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("dossier " + maHoSo + " belongs to client " + owner + ", which does not share its "
                + "dossiers with " + client.id() + ": " + client.id() + " may not " + action + " it");
    }
}
