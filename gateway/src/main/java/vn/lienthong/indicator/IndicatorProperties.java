package vn.lienthong.indicator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Decision 766 indicators, under {@code lienthong.indicators} (docs/indicators.md).
 *
 * @param enabled      record each accepted and delivered dossier for the indicators (off: the acceptance and delivery
 *                     paths do nothing for them, the API answers with what was folded before)
 * @param foldInterval milliseconds between two runs of the fold (one instance): how far the figures are behind
 * @param foldBatch    most changed dossiers folded in one transaction
 * @param lateListed   most late dossiers the API lists (it gives how many there are in {@code lateTotal})
 * @param gaugeRefresh milliseconds between two refreshes of the Prometheus gauges (the current month, per unit)
 */
@ConfigurationProperties(prefix = "lienthong.indicators")
public record IndicatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") long foldInterval,
        @DefaultValue("2000") int foldBatch,
        @DefaultValue("100") int lateListed,
        @DefaultValue("60000") long gaugeRefresh) {
}
