package vn.lienthong.indicator;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.lienthong.ingress.IngressRefusedException;

/**
 * The page for the province's leaders ({@code /indicators}: static/indicators/, charts from the ECharts WebJar) and
 * the data it draws ({@code /indicators/data}: the same figures as {@code GET /api/v1/indicators}, for a user logged
 * in with the console's form; vn.lienthong.security.WebSecurity lets managers, operators and admins read it).
 */
@Controller
public class IndicatorsPage {

    private final Indicators indicators;

    public IndicatorsPage(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping({ "/indicators", "/indicators/" })
    public String page() {
        return "forward:/indicators/index.html";
    }

    /** JSON, or CSV for {@code format=csv} (a download link) or {@code Accept: text/csv}. */
    @GetMapping("/indicators/data")
    public ResponseEntity<Object> data(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String unit,
                                       @RequestParam(required = false) String procedure,
                                       @RequestParam(required = false) String groupBy,
                                       @RequestParam(required = false) String format,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        IndicatorQuery query;
        try {
            query = indicators.query(from, to, unit, procedure, groupBy);
        } catch (IngressRefusedException refused) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of(
                    "errors", refused.problems().stream()
                            .map(p -> Map.of("path", p.path(), "message", p.message())).toList(),
                    "errorCount", refused.problems().size()));
        }
        Map<String, Object> figures = indicators.figures(query);
        if ("csv".equals(format) || accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-tieu-" + query.from() + "-"
                            + query.to() + ".csv\"")
                    .body(Indicators.csv(figures));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
    }
}
