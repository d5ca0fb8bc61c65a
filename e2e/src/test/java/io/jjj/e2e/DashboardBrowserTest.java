package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard at {@code /} in a real headless Chromium, against the real suite: what each view draws is compared
 * with what the public API answers for the same question. Every view is also photographed at 1280 and 390 pixels
 * wide ({@code e2e/target/dashboard/}), and no view may log a console error.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("jjj.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("jjj.chromedriver", "/usr/bin/chromedriver"));

    static Suite suite;
    static Http http;
    static WebDriver browser;
    static WebDriverWait wait;
    static Path shots;
    static final List<String> timings = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "The dashboard tests drive headless Chromium and need " + CHROMIUM + " and " + DRIVER
                        + " (Debian: apt-get install -y chromium chromium-driver; or -Djjj.chromium=... -Djjj.chromedriver=...)");
        suite = Suite.get();
        http = new Http(suite.gateway(), suite.adminKey);
        loadDefaultDataWhenEmpty();
        shots = suite.root.resolve("e2e/target/dashboard");
        Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (shots != null) {
            Files.write(shots.resolve("first-view.txt"), timings);
        }
    }

    /** The default data set, when this class runs without the journey test that loads it. */
    private static void loadDefaultDataWhenEmpty() {
        if (total("/api/transport/nodes") > 0) {
            return;
        }
        for (Map.Entry<String, String> feed : JourneyThroughGatewayTest.FEEDS) {
            Http.Reply reply = http.postFile(feed.getValue(), suite.root.resolve("deploy/data").resolve(feed.getKey()), "text/csv", null);
            assertEquals(200, reply.status(), feed.getKey() + ": " + reply.body());
        }
    }

    @AfterEach
    void noConsoleError() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
        assertEquals(List.of(), errors, "console errors on " + browser.getCurrentUrl());
    }

    @Test
    @Order(1)
    void theMapShowsTheStationsAndLinksTheApiListsForTheSliderDate() {
        open("/#network", "network");
        String today = browser.findElement(By.id("date-input")).getAttribute("value");
        assertEquals(ids("/api/transport/nodes?asOf=" + today), drawn("path.station", "station-"), "stations on " + today);
        assertEquals(ids("/api/transport/links?asOf=" + today), drawn("path.link", "link-id-"), "links on " + today);
        photograph("network");

        setSlider("2011-06-29");
        Set<String> before = awaitLinksOf("2011-06-29");
        assertFalse(before.stream().anyMatch(id -> id.contains("CZW")), "Cangzhou West is not yet served: " + before);
        assertTrue(drawn("path.station", "station-").stream().noneMatch("CZW"::equals), "no Cangzhou West station on 2011-06-29");

        WebElement slider = browser.findElement(By.id("date-slider"));
        slider.sendKeys(Keys.ARROW_RIGHT);
        wait.until(page -> "2011-06-30".equals(page.findElement(By.id("date-input")).getAttribute("value")));
        Set<String> after = awaitLinksOf("2011-06-30");
        for (String link : List.of("BJS-LF-hsr", "LF-TJS-hsr", "TJS-CZW-hsr")) {
            assertTrue(after.contains(link), "the Beijing–Shanghai line from Beijing South to Cangzhou West opens on 2011-06-30: " + after);
            assertTrue(classOf("path.link-id-" + link).contains("link-new"), link + " is highlighted as new");
        }
        assertTrue(after.containsAll(before), "nothing closed overnight");
        JsonNode route = http.get("/api/transport/routes?from=BJS&to=CZW&asOf=2011-06-30").json();
        assertTrue(route.path("minutes").asDouble() > 0, "the API routes Beijing South to Cangzhou West that day: " + route);
        assertEquals(404, http.get("/api/transport/routes?from=BJS&to=CZW&asOf=2011-06-29").status(), "and not the day before");
    }

    @Test
    @Order(2)
    void clickingXiongAnDrawsTheBandsOfTheIsochroneApi() {
        open("/#network", "network");
        String today = browser.findElement(By.id("date-input")).getAttribute("value");
        browser.findElement(By.cssSelector("path.station-XA")).click();
        wait.until(page -> !page.findElements(By.cssSelector("path.band-node")).isEmpty());
        JsonNode isochrone = http.get("/api/transport/isochrones?from=XA&minutes=90&bands=30,60,90&asOf=" + today).json();
        for (int band : List.of(30, 60, 90)) {
            Set<String> expected = StreamSupport.stream(isochrone.path("nodes").spliterator(), false)
                    .filter(n -> n.path("band").asInt() == band).map(n -> n.path("id").asText()).collect(Collectors.toCollection(TreeSet::new));
            assertFalse(expected.isEmpty(), "the API has stations within " + band + " minutes of Xiong'an");
            assertEquals(expected, drawn("path.band-node-" + band, "band-node-id-"), "stations of the " + band + "-minute band");
        }
        assertEquals(3, browser.findElements(By.cssSelector("path.band")).size(), "one area per band");
        browser.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
        photograph("isochrones");

        browser.findElement(By.id("compare")).click();
        wait.until(page -> !page.findElements(By.cssSelector("#gains-table tbody tr")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector("path.gain")).isEmpty(), "gains drawn on the map");
        photograph("compare");
    }

    @Test
    @Order(3)
    void theFlowsViewCountsWhatTheFlowsApiCounts() {
        open("/#flows", "flows");
        JsonNode flows = http.get("/api/projects/flows?by=origin,destination&measure=count&level=province").json();
        long expected = StreamSupport.stream(flows.path("flows").spliterator(), false)
                .filter(f -> f.path("origin").asText().equals("110000") && f.path("destination").asText().equals("130000"))
                .mapToLong(f -> f.path("value").asLong()).sum();
        assertTrue(expected > 0, "Beijing → Hebei has projects: " + flows);
        WebElement row = browser.findElement(By.cssSelector("#flows-table tr[data-origin='110000'][data-destination='130000']"));
        assertEquals(String.valueOf(expected), row.findElement(By.cssSelector("td.value")).getText());
        assertEquals(1, browser.findElements(By.cssSelector("path.arc-110000-130000")).size(), "an arc Beijing → Hebei");

        row.findElement(By.tagName("button")).click();
        wait.until(page -> !page.findElements(By.cssSelector("#flow-project-list li")).isEmpty());
        long listed = total("/api/projects?origin=110000&destination=130000");
        assertEquals(listed, browser.findElements(By.cssSelector("#flow-project-list li")).size(), "every project of the flow is listed");
        WebElement history = browser.findElement(By.cssSelector("#flow-project-list details"));
        history.findElement(By.tagName("summary")).click();
        wait.until(page -> !history.findElements(By.cssSelector(".history li")).isEmpty());
        photograph("flows");
    }

    @Test
    @Order(4)
    void theIndicatorChartShowsBothVintagesOfARevisedValue() {
        JsonNode before = http.get("/api/observations?indicator=va.primary&region=120000&from=2011&to=2011").json().path("items").path(0);
        double published = before.path("value").asDouble();
        double revised = Math.round((published + 1.25) * 100) / 100.0;
        Http.Reply feed = http.post("/api/indicators/feeds/observations", "text/csv",
                "indicator,region,period,value,status,source,published\nva.primary,120000,2011," + revised + ",published,TANG2018,"
                        + LocalDate.now().minusDays(1) + "\n", Map.of());
        assertEquals(200, feed.status(), feed.body());

        open("/#indicators?indicator=va.primary&regions=120000", "indicators");
        wait.until(page -> !page.findElements(By.cssSelector("#observations-table tr[data-period='2011']")).isEmpty());
        String chart = browser.findElement(By.id("chart")).getAttribute("aria-label");
        assertTrue(chart != null && chart.contains("2011: " + number(revised) + " (current")
                        && chart.contains("2011: " + number(published) + " (earlier"),
                "the chart's description names the current " + revised + " and the earlier " + published + ": " + chart);
        photograph("indicators");

        browser.findElement(By.id("show-table")).click();
        List<WebElement> rows = browser.findElements(By.cssSelector("#observations-table tr[data-period='2011']"));
        assertEquals(List.of("current:" + revised, "earlier:" + published),
                rows.stream().map(r -> r.getAttribute("class") + ":" + Double.parseDouble(r.getAttribute("data-value"))).toList());
        photograph("indicators-table");
    }

    @Test
    @Order(5)
    void aProjectRegisteredNowAppearsInTheTickerWithinFiveSeconds() {
        open("/#region/133100", "region");
        wait.until(page -> "connected".equals(page.findElement(By.id("live-state")).getAttribute("data-state")));
        String projectsBefore = browser.findElement(By.id("count-projects")).getText();
        assertEquals(String.valueOf(total("/api/projects")), projectsBefore);
        String name = registerProject("ticker check");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(page -> ticker(page).contains(name));
        wait.until(page -> String.valueOf(Long.parseLong(projectsBefore) + 1).equals(page.findElement(By.id("count-projects")).getText()));
        wait.until(page -> page.findElement(By.id("profile")).getText().contains("Xiong"));
        photograph("region");
    }

    @Test
    @Order(6)
    void aPausedTickerResumesWithTheEventsItMissed() {
        open("/#flows", "flows");
        wait.until(page -> "connected".equals(page.findElement(By.id("live-state")).getAttribute("data-state")));
        String seen = registerProject("seen before the pause");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(page -> ticker(page).contains(seen));

        WebElement pause = browser.findElement(By.id("live-pause"));
        pause.click();
        assertEquals("paused", browser.findElement(By.id("live-state")).getAttribute("data-state"));
        String missed;
        try (EventStream stream = new EventStream(http.client(), http.uri("/api/events?types=jjj.projects"))) {
            missed = registerProject("written while the ticker was paused");
            String name = missed;
            wait.until(page -> stream.events().stream().anyMatch(e -> e.cloudEvent().toString().contains(name)));
        }
        assertFalse(ticker(browser).contains(missed), "the gateway relayed the event, and a paused ticker does not show it");

        pause.click();
        // a new stream without Last-Event-ID starts at the live end: only a resumed one replays the missed event
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(page -> ticker(page).contains(missed));
        assertEquals(1, browser.findElements(By.cssSelector("#ticker li")).stream().filter(li -> li.getText().contains(seen)).count(),
                "the event seen before the pause is shown once");
    }

    @Test
    @Order(7)
    void everyViewFitsA390PixelPhone() {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            for (String view : List.of("network", "flows", "indicators", "region")) {
                open("/#" + (view.equals("region") ? "region/110000" : view), view);
                // a page wider than the phone widens the layout viewport with it: compare with the phone's width
                Long width = (Long) chrome.executeScript("return Math.max(document.documentElement.scrollWidth, innerWidth);");
                assertTrue(width <= 390, view + " is " + width + " px wide on a 390 px phone");
                photograph(view + "-390");
            }
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    @Order(8)
    void aServiceThatIsDownIsNamedWhereItsPartIsMissing() {
        Suite.Result down = suite.jjj("down", "transport");
        assertEquals(0, down.exit(), down.output());
        try {
            open("/#region/133100", "region");
            String missing = browser.findElement(By.id("profile-missing")).getText();
            assertTrue(missing.contains("accessibility") && missing.contains("transport"), "the profile names what is missing: " + missing);
            assertTrue(browser.findElement(By.id("profile-indicators")).getText().contains("Subsidiaries"), "and shows the rest");

            open("/#network", "network");
            WebElement error = browser.findElement(By.cssSelector("#network-detail [role='alert']"));
            assertTrue(error.getText().contains("transport"), "the map names the missing service: " + error.getText());
            wait.until(page -> "?".equals(page.findElement(By.id("count-stations")).getText()));
            photograph("transport-down");
            // the browser logs each refused resource; nothing else may be logged as an error
            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                    .filter(m -> !m.contains("status of 503")).toList();
            assertEquals(List.of(), errors, "console errors besides the 503s");
        } finally {
            Suite.Result up = suite.jjj("up", "transport");
            assertEquals(0, up.exit(), up.output());
            // the tests after this one read the merged document, which has the service again from its next merge
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> http.get("/openapi.json").body().contains("\"/api/transport/isochrones\""));
        }
    }

    /** Registers a project (Beijing → Xiong'an) and answers its unique name. */
    private static String registerProject(String what) {
        String name = "Dashboard " + what + " " + UUID.randomUUID();
        Http.Reply registered = http.post("/api/projects", "application/json",
                "{\"ref\":\"dashboard-" + UUID.randomUUID() + "\",\"nameEn\":\"" + name + "\",\"kind\":\"cooperation-zone\","
                        + "\"origin\":\"110000\",\"destination\":\"133100\",\"status\":\"signed\"}", Map.of());
        assertEquals(201, registered.status(), registered.body());
        return name;
    }

    private static String ticker(WebDriver page) {
        return page.findElement(By.id("ticker")).getText();
    }

    private static void open(String path, String view) {
        browser.get("about:blank");
        browser.get(suite.gateway() + path);
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> view + " not ready; the page shows: " + browser.findElement(By.tagName("body")).getText())
                .until(page -> view.equals(page.findElement(By.id("main")).getAttribute("data-ready")));
        Object ready = ((JavascriptExecutor) browser).executeScript(
                "const m = performance.getEntriesByName('jjj-ready-' + arguments[0])[0];"
                        + "const bytes = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))"
                        + ".reduce((s, e) => s + (e.transferSize || 0), 0);"
                        + "return Math.round(m.startTime) + ' ms, ' + bytes + ' bytes';", view);
        timings.add(view + " " + ((JavascriptExecutor) browser).executeScript("return innerWidth;") + "px: " + ready);
    }

    private static void setSlider(String date) {
        ((JavascriptExecutor) browser).executeScript(
                "const s = document.getElementById('date-slider');"
                        + "s.value = Math.round((Date.parse(arguments[0]) - Date.parse('2008-01-01')) / 86400000);"
                        + "s.dispatchEvent(new Event('input'));", date);
        wait.until(page -> date.equals(page.findElement(By.id("date-input")).getAttribute("value")));
    }

    /** The links drawn once the map shows the date, checked against the API's links open that day. */
    private static Set<String> awaitLinksOf(String date) {
        wait.until(page -> date.equals(page.findElement(By.id("map")).getAttribute("data-date")));
        Set<String> drawn = drawn("path.link", "link-id-");
        assertEquals(ids("/api/transport/links?asOf=" + date), drawn, "links on " + date);
        assertEquals(ids("/api/transport/nodes?asOf=" + date), drawn("path.station", "station-"), "stations on " + date);
        return drawn;
    }

    /** The ids of the SVG elements drawn, read from their class {@code <prefix><id>}. */
    private static Set<String> drawn(String selector, String prefix) {
        Set<String> ids = new TreeSet<>();
        for (WebElement element : browser.findElements(By.cssSelector(selector))) {
            for (String c : element.getAttribute("class").split("\\s+")) {
                if (c.startsWith(prefix)) {
                    ids.add(c.substring(prefix.length()));
                }
            }
        }
        return ids;
    }

    private static String classOf(String selector) {
        return browser.findElement(By.cssSelector(selector)).getAttribute("class");
    }

    private static Set<String> ids(String path) {
        Http.Reply reply = http.get(path + (path.contains("?") ? "&" : "?") + "size=1000");
        assertEquals(200, reply.status(), reply.body());
        return StreamSupport.stream(reply.json().path("items").spliterator(), false).map(n -> n.path("id").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static long total(String path) {
        Http.Reply reply = http.get(path + (path.contains("?") ? "&" : "?") + "size=1");
        assertEquals(200, reply.status(), reply.body());
        return Long.parseLong(reply.header("X-Total-Count"));
    }

    /** A number as the page writes it in the chart's description. */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void photograph(String name) {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("screenshot " + name, e);
        }
    }
}
