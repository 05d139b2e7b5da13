package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.metrics.BrokerQueues;

/**
 * The console in a real browser (Debian's headless Chromium through its chromedriver), as an operator on duty opens
 * it: logged in on Hawtio's own form as the demo viewer, the landing page (Camel, the diagram of every route) without
 * an error, one route's diagram drawn node for node, and the gateway's queues in the JMX tab
 * ({@code lienthong > Queues}). Screenshots of each page go to {@code /tmp/lienthong-console-*.png}.
 */
class ConsoleBrowserTest extends SecuredGatewayTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The route whose diagram Hawtio 5.2 could not draw while it had an error handler of its own (see README). */
    private static final String ROUTE = "portal-send";

    @Autowired
    BrokerQueues queues;

    private WebDriver browser;
    private WebDriverWait wait;
    private ConsoleCalls console;

    @BeforeAll
    static void chromiumIsInstalled() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the console's browser test needs Debian's Chromium and its WebDriver at %s and %s: "
                        + "apt-get install -y chromium chromium-driver (.ci/run installs them)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
        console = new ConsoleCalls(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aViewerSeesTheRouteDiagramsAndTheQueuesWithoutAnError() throws IOException {
        logIn("demo-viewer");

        // The landing page: Camel, the routes folder, the diagram of every route at once.
        wait.until(ExpectedConditions.urlContains("/camel/routeDiagram"));
        wait.until(d -> diagramNodes() > 100);
        screenshot("landing");
        assertNoError();

        // One route: every step of its dump is a node of the diagram (the nodes drawn before it are gone), with edges.
        select(ROUTE);
        wait.until(ExpectedConditions.presenceOfElementLocated(title(ROUTE)));
        List<String> steps = stepsOf(ROUTE);
        wait.until(d -> diagramNodes() == steps.size());
        screenshot("route-diagram");
        assertThat(steps).hasSizeGreaterThan(5);
        // React redraws the diagram as it settles: its text is read once it shows every step (or the wait fails).
        String drawn = wait.until(d -> {
            Object text = ((JavascriptExecutor) d).executeScript(
                    "var flow = document.querySelector('.react-flow'); return flow == null ? null : flow.textContent;");
            return text instanceof String t && steps.stream().allMatch(step -> t.contains("(ID: " + step + ")"))
                    ? t : null;
        });
        for (String step : steps) {
            assertThat(drawn).contains("(ID: " + step + ")");
        }
        // Its edges are drawn after its nodes (a loaded machine read none yet).
        wait.until(d -> d.findElements(By.cssSelector("svg .react-flow__edge")).size() >= steps.size() - 1);
        assertNoError();

        // Another route after it, larger (Hawtio lays every diagram out on one graph it never clears).
        select("dossier-delivery");
        wait.until(ExpectedConditions.presenceOfElementLocated(title("dossier-delivery")));
        int deliverySteps = stepsOf("dossier-delivery").size();
        wait.until(d -> diagramNodes() >= deliverySteps);
        assertNoError();

        // The queues: JMX tab, lienthong > Queues, one attribute per queue.
        browser.get(url("/actuator/hawtio/jmx/attributes?nid=lienthong-Queues"));
        By rows = By.cssSelector("table[aria-label='Attributes'] tbody tr");
        wait.until(ExpectedConditions.numberOfElementsToBe(rows, queues.names().size()));
        screenshot("queues");
        List<String> shown = browser.findElements(rows).stream().map(WebElement::getText).toList();
        assertThat(shown).hasSize(queues.names().size());
        for (String queue : queues.names()) {
            assertThat(shown).anySatisfy(row -> assertThat(row).startsWith(queue)
                    .containsPattern("\"depth\":\\d+").containsPattern("\"consumers\":\\d+")
                    .contains("\"oldestMessageAgeSeconds\":"));
        }
        assertThat(shown).anySatisfy(row -> assertThat(row).startsWith("lienthong.dossier.to-portal")
                .contains("\"consumers\":16"));
        assertNoError();
    }

    private void logIn(String user) {
        browser.get(url("/actuator/hawtio/"));
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("pf-login-username-id")));
        name.sendKeys(user);
        browser.findElement(By.id("pf-login-password-id")).sendKeys(user + "-password");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
    }

    /** Clicks a node of Hawtio's tree by its name (the Camel tree lists the routes under lienthong > routes). */
    private void select(String name) {
        By node = By.xpath("//*[contains(@class,'tree-view__node-text') and normalize-space(.)='" + name + "']");
        wait.until(ExpectedConditions.elementToBeClickable(node)).click();
    }

    /** The title of the selected node above its tabs. */
    private static By title(String name) {
        return By.xpath("//h1[normalize-space(.)='" + name + "']");
    }

    private long diagramNodes() {
        return browser.findElements(By.cssSelector(".react-flow__node")).size();
    }

    /** The steps of a route: the elements with an id in Camel's dump of the route (each one a node of the diagram). */
    private List<String> stepsOf(String route) {
        String mbean = console.search(basic("demo-admin"), "org.apache.camel:type=routes,name=\"" + route + "\",*")
                .get(0);
        String xml = console.exec(basic("demo-viewer"), mbean, "dumpRouteAsXml()").get("value").asText();
        Matcher ids = Pattern.compile("<\\w+ id=\"([^\"]+)\"").matcher(xml.substring(xml.indexOf("<from")));
        List<String> steps = new ArrayList<>();
        while (ids.find()) {
            steps.add(ids.group(1));
        }
        return steps;
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** No toast or error card on the page, and nothing the console logged as an error about a diagram. */
    private void assertNoError() {
        assertThat(browser.findElements(By.cssSelector("[class*='c-alert__title']")))
                .as("alerts on the page").extracting(WebElement::getText).isEmpty();
        assertThat(text("body")).doesNotContain("An error occurred", "Cannot read properties");
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("diagram") || message.contains("TypeError"))
                .toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    private void screenshot(String page) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("/tmp/lienthong-console-" + page + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
