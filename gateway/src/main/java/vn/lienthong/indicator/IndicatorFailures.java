package vn.lienthong.indicator;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.mapping.PortalDates;
import vn.lienthong.tracking.StateChange;
import vn.lienthong.tracking.TrackingListener;

/**
 * Counts the failures the indicators show ({@code indicator_failure}), per day they happened: the portal's and the
 * axis's refusals per error code, dead letters and quarantined messages per flow (the message kind). One statement per
 * failure, none for the messages that go well.
 */
@Component
public class IndicatorFailures implements TrackingListener {

    static final String REJECTED_BY_PORTAL = "REJECTED_BY_PORTAL";
    static final String REJECTED_BY_AXIS = "REJECTED_BY_AXIS";
    static final String DEAD_LETTERED = "DEAD_LETTERED";
    static final String QUARANTINED = "QUARANTINED";
    /** How a refusal's reason names the destination's code ({@code vn.lienthong.portal.PortalRejectedException}). */
    private static final Pattern ERROR_CODE = Pattern.compile("error_code (\\S{1,32}?):");

    private final JdbcTemplate jdbc;
    /** Its own transaction: a colliding insert must not spoil the transaction of the outcome it counts. */
    private final TransactionTemplate own;
    private final boolean enabled;

    public IndicatorFailures(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                             IndicatorProperties properties) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = properties.enabled();
    }

    @Override
    public void changed(StateChange change) {
        if (!enabled || change.to() == null) {
            return;
        }
        String outcome = change.to().name();
        String flow = change.kind() == null ? "" : change.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (outcome) {
            case REJECTED_BY_PORTAL, REJECTED_BY_AXIS -> count(outcome, flow, code(change.detail()));
            case DEAD_LETTERED, QUARANTINED -> count(outcome, flow, "");
            default -> {
                // not a failure
            }
        }
    }

    static String code(String detail) {
        if (detail == null) {
            return "";
        }
        Matcher m = ERROR_CODE.matcher(detail);
        return m.find() ? m.group(1) : "";
    }

    private void count(String outcome, String flow, String code) {
        LocalDate day = LocalDate.now(PortalDates.PORTAL_ZONE);
        String update = "update indicator_failure set count = count + 1"
                + " where on_day = ? and outcome = ? and flow = ? and code = ?";
        try {
            own.executeWithoutResult(status -> {
                if (jdbc.update(update, day, outcome, flow, code) == 0) {
                    jdbc.update("insert into indicator_failure (on_day, outcome, flow, code, count)"
                            + " values (?, ?, ?, ?, 1)", day, outcome, flow, code);
                }
            });
        } catch (DuplicateKeyException raced) {
            own.executeWithoutResult(status -> jdbc.update(update, day, outcome, flow, code));
        }
    }
}
