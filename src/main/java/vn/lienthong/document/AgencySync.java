package vn.lienthong.document;

import java.time.Duration;

import org.springframework.stereotype.Component;

import vn.lienthong.axis.AxisTransport;
import vn.lienthong.cluster.Leases;

/** Copies the axis's agency directory into the database, on one gateway instance at a time (route agencies-sync). */
@Component("agencySync")
public class AgencySync {

    static final String LEASE = "agencies-sync";

    private final AxisTransport axis;
    private final OrganDirectory organs;
    private final Leases leases;

    public AgencySync(AxisTransport axisTransport, OrganDirectory organs, Leases leases) {
        this.axis = axisTransport;
        this.organs = organs;
        this.leases = leases;
    }

    /** Returns how many agencies were copied, or -1 when another instance does it. */
    public int sync() {
        if (!leases.acquire(LEASE, Duration.ofMinutes(5))) {
            organs.reload();
            return -1;
        }
        return organs.sync(axis.agencies());
    }
}
