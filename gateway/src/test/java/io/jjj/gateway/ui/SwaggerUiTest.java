package io.jjj.gateway.ui;

import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Swagger UI in a real headless Chromium: the combined document loads and "Try it out" works against the gateway. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class SwaggerUiTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("jjj.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("jjj.chromedriver", "/usr/bin/chromedriver"));

    @TestHTTPResource("/swagger-ui/")
    URL swaggerUi;

    @Test
    void showsEveryServiceAndExecutesAReadFromThePage() {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "This test drives Swagger UI in headless Chromium and needs " + CHROMIUM + " and " + DRIVER
                        + " (Debian: apt-get install -y chromium chromium-driver; or -Djjj.chromium=... -Djjj.chromedriver=...)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(swaggerUi.toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.until(page -> page.findElements(By.cssSelector(".opblock-summary-path")).size() >= 15);
            List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .map(e -> e.getAttribute("data-path")).toList();
            for (String path : List.of("/api/observations", "/api/projects", "/api/transport/isochrones", "/api/keys",
                    "/api/regions/{code}/profile")) {
                assertTrue(paths.contains(path), path + " not shown; shown: " + paths);
            }

            WebElement operation = browser.findElement(By.id("operations-Regions-listRegions"));
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
            wait.until(page -> !operation.findElements(By.cssSelector(".try-out__btn")).isEmpty());
            operation.findElement(By.cssSelector(".try-out__btn")).click();
            wait.until(page -> !operation.findElements(By.cssSelector(".execute")).isEmpty());
            operation.findElement(By.cssSelector(".execute")).click();
            String status = wait.until(page -> operation.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"))
                    .stream().map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
            assertEquals("200", status.trim());
            assertTrue(FakeServices.INDICATORS.received().stream().anyMatch(r -> r.uri().equals("/api/regions")),
                    "the read reached the indicators service through the gateway");
        } finally {
            browser.quit();
        }
    }
}
