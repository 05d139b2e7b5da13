package vn.lienthong.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import vn.lienthong.mapping.PortalDates;

/**
 * The headline indicators of the current month (Viet Nam time) per unit, for Prometheus and the Grafana dashboard:
 * {@code lienthong_indicator_rate{indicator, unit}} (a fraction 0..1; a unit without a denominator has no row) and
 * {@code lienthong_indicator_dossiers{count, unit}}, under the API's field names. Read from the aggregates every
 * {@code lienthong.indicators.gauge-refresh} ms by every instance (the same figures: the database is shared), never
 * at scrape time, so a scrape costs nothing.
 */
@Component
class IndicatorGauges implements SmartLifecycle {

    static final List<String> RATES = List.of("syncRatio", "onTimeRate", "onlineRate", "onlinePaymentRate",
            "digitisedRate", "vneidRate", "satisfactionRate");
    static final List<String> COUNTS = List.of("received", "receivedOnline", "synced", "finished", "finishedLate",
            "progressPending");

    private static final Logger log = LoggerFactory.getLogger(IndicatorGauges.class);

    private final Indicators indicators;
    private final long refreshMillis;
    private final MultiGauge rates;
    private final MultiGauge counts;
    private ScheduledExecutorService executor;

    IndicatorGauges(Indicators indicators, IndicatorProperties properties, MeterRegistry registry) {
        this.indicators = indicators;
        this.refreshMillis = properties.gaugeRefresh();
        this.rates = MultiGauge.builder("lienthong.indicator.rate")
                .description("A Decision 766 indicator of the current month for the unit, 0..1 (docs/indicators.md)")
                .register(registry);
        this.counts = MultiGauge.builder("lienthong.indicator.dossiers")
                .description("Dossiers of the current month for the unit, by count (docs/indicators.md)")
                .register(registry);
    }

    /** Reads the current month's figures per unit into the gauges (a unit gone from them loses its rows). */
    void refresh() {
        LocalDate today = LocalDate.now(PortalDates.PORTAL_ZONE);
        IndicatorQuery month = new IndicatorQuery(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()),
                null, null, IndicatorQuery.GroupBy.UNIT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> units = (List<Map<String, Object>>) indicators.figures(month).get("groups");
        List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        for (Map<String, Object> unit : units) {
            String code = String.valueOf(unit.get("key"));
            for (String field : RATES) {
                if (unit.get(field) instanceof Number rate) {
                    rateRows.add(MultiGauge.Row.of(Tags.of("indicator", field, "unit", code), rate));
                }
            }
            for (String field : COUNTS) {
                if (unit.get(field) instanceof Number count) {
                    countRows.add(MultiGauge.Row.of(Tags.of("count", field, "unit", code), count));
                }
            }
        }
        rates.register(rateRows, true);
        counts.register(countRows, true);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "indicator-gauges");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                // the gauges keep their last figures; the next refresh tries again
                log.warn("could not refresh the indicators' gauges: {}", e.toString());
            }
        }, 0, refreshMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
