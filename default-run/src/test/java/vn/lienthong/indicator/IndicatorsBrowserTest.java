package vn.lienthong.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * The leaders' page in a real browser (Debian's headless Chromium): three dossiers of March 2019 (no other test files
 * dossiers then) delivered, then {@code /indicators?from=2019-03-01&to=2019-03-31} opened without a session shows the
 * login form; logged in as the demo manager it shows the API's own figures for the month, formatted as a Vietnamese
 * reader reads them ("66,7 %", "3"), both charts drawn, the late dossier listed; and no error in the browser's
 * console. A screenshot goes to {@code /tmp/lienthong-indicators.png}. On the shared gateway of {@link GatewayTest} (the
 * page needs no JMX: a context of its own would start one more embedded broker, whose MBeans share the names of the
 * security tests' broker).
 */
class IndicatorsBrowserTest extends GatewayTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String OPERATOR_KEY = "demo-operator-key";
    private static final String MARCH = "from=2019-03-01&to=2019-03-31";
    private static final List<String> RATES = List.of("syncRatio", "onTimeRate", "onlineRate", "onlinePaymentRate",
            "digitisedRate", "vneidRate", "satisfactionRate");
    private static final List<String> COUNTS = List.of("received", "receivedOnline", "synced", "finished",
            "finishedOnTime", "finishedLate", "progressPending", "complaints");

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void chromiumIsInstalled() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the page's browser test needs Debian's Chromium and its WebDriver at %s and %s: "
                        + "apt-get install -y chromium chromium-driver (.ci/run installs them)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800", "--lang=vi", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerSeesTheMonthsFiguresAsTheApiGivesThem() throws IOException {
        String late = fileMarch2019();
        JsonNode api = figures(MARCH + "&groupBy=day");
        JsonNode totals = api.path("totals");
        assertThat(totals.path("received").asLong()).isEqualTo(3);
        assertThat(totals.path("finishedLate").asLong()).isEqualTo(1);

        browser.get(url("/indicators?" + MARCH));
        wait.until(d -> "login".equals(state()));
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        browser.findElement(By.id("username")).sendKeys("demo-manager");
        browser.findElement(By.id("password")).sendKeys("demo-manager-password");
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> "ready".equals(state()));

        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-query"))
                .isEqualTo(MARCH + "&groupBy=day");
        for (String field : RATES) {
            assertThat(field(field)).as(field).isEqualTo(rate(totals.path(field)));
        }
        for (String field : COUNTS) {
            assertThat(field(field)).as(field).isEqualTo(String.valueOf(totals.path(field).asLong()));
        }
        assertThat(field("onTimeRate")).isEqualTo("50,0 %");
        assertThat(field("onlineRate")).isEqualTo("33,3 %");
        assertThat(field("received")).isEqualTo("3");

        List<WebElement> lateRows = browser.findElements(By.cssSelector("#late tbody tr"));
        assertThat(lateRows).hasSize(1);
        assertThat(lateRows.get(0).getText()).contains(late, "000.00.00.H31", "12/03/2019 10:00");

        // Both charts drawn (ECharts from its WebJar: a canvas each).
        wait.until(d -> d.findElements(By.cssSelector("#chart-series canvas")).size() == 1
                && d.findElements(By.cssSelector("#chart-units canvas")).size() == 1);
        Object seriesPoints = ((JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-series')).getOption()"
                        + ".xAxis[0].data.length;");
        assertThat(((Number) seriesPoints).intValue()).as("a point per day of March").isEqualTo(31);
        screenshot();

        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // the first call of the data without a session is a 401 by design: the login form answers it
                .filter(message -> !message.contains("/indicators/data") || !message.contains("401"))
                .toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    /** Three dossiers received in March 2019: in person finished on time, online finished late, postal open. */
    private String fileMarch2019() {
        Map<String, String> accepted = new HashMap<>();
        String onTime = Dossiers.newMaHoSo();
        String late = Dossiers.newMaHoSo();
        String open = Dossiers.newMaHoSo();
        accept(accepted, dossier(onTime, 1, "20190304080000", "20190308170000", "20190307100000"));
        accept(accepted, dossier(late, 2, "20190305090000", "20190310170000", "20190312100000"));
        accept(accepted, dossier(open, 3, "20190320080000", "20190330170000", null));
        Map<String, JsonNode> outcomes = api.awaitStates(accepted, Set.of("DELIVERED"), Duration.ofSeconds(60));
        outcomes.forEach((id, record) -> assertThat(record.path("state").asText()).as("%s", record).isEqualTo("DELIVERED"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(figures(MARCH).path("totals").path("synced").asLong()).isEqualTo(3));
        return late;
    }

    private void accept(Map<String, String> accepted, ObjectNode dossier) {
        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier);
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        accepted.put(reply.json().path("trackingId").asText(), GatewayApi.DVCQG_CLIENT_KEY);
    }

    private static ObjectNode dossier(String maHoSo, int channel, String ngayTiepNhan, String ngayHenTra,
                                      String ngayTra) {
        ObjectNode d = Dossiers.dvcqg(maHoSo);
        d.put("KenhThucHien", channel).put("NgayTiepNhan", ngayTiepNhan).put("NgayHenTra", ngayHenTra);
        if (ngayTra != null) {
            d.put("NgayTra", ngayTra).put("TrangThaiHoSo", 10);
        }
        return d;
    }

    private JsonNode figures(String query) {
        Http.Reply reply = Http.get(api.baseUrl() + "/api/v1/indicators?" + query, Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    /** A rate as the page writes it: a percent with one decimal, a decimal comma, " %"; "—" for null. */
    private static String rate(JsonNode value) {
        if (value.isNull()) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f", value.asDouble() * 100).replace('.', ',') + " %";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String state() {
        return browser.findElement(By.tagName("body")).getAttribute("data-state");
    }

    private String field(String name) {
        return browser.findElement(By.cssSelector(".value[data-field='" + name + "']")).getText();
    }

    private void screenshot() throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("/tmp/lienthong-indicators.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
