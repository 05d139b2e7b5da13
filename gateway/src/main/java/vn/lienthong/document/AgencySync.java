package vn.lienthong.document;

import org.springframework.stereotype.Component;

import vn.lienthong.axis.AxisTransport;

/**
 * The axis's agency directory in the database: copied from the axis on one gateway instance at a time (route
 * agencies-sync, a master: job), reloaded from the database on every instance (route agencies-reload).
 */
@Component("agencySync")
public class AgencySync {

    private final AxisTransport axis;
    private final OrganDirectory organs;

    public AgencySync(AxisTransport axisTransport, OrganDirectory organs) {
        this.axis = axisTransport;
        this.organs = organs;
    }

    /** Returns how many agencies were copied. */
    public int sync() {
        return organs.sync(axis.agencies());
    }

    /** The directory as the instance copying it last stored it. */
    public void reload() {
        organs.reload();
    }
}
