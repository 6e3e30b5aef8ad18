package org.pacemaker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pacemaker.InProcessService;
import org.pacemaker.cli.CliRun;
import org.pacemaker.cli.ExitCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through Debian's chromedriver,
 * logs in through the page's form, sees the ingest totals rise while a small replay runs, opens a
 * patient and finds its four signals charted with their alert limits, with no error in the console
 * and no request to anywhere but the service. Ends with a screenshot of the whole page.
 *
 * <p>Nothing is downloaded: the driver and the browser are given by path, so Selenium Manager never
 * runs. Without them the test is skipped, except in CI ({@code CI=true}), where {@code .ci/run}
 * installs them and their absence is a failure. The screenshot goes to
 * {@code target/dashboard-browser/dashboard.png}, or where {@code -Ddashboard.screenshot=PATH} says
 * (the README's is {@code docs/img/dashboard.png}).
 */
class DashboardBrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CSV = Path.of("src/test/resources/fixtures/original-generator-30x150.csv");
    private static final String USER = "admin@example.com";
    private static final String PASSWORD = "changethis";
    /** Far above what any step takes here: the page polls the totals every 3 s, the patients every 10 s. */
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static final int CHART_DAYS = 120;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private InProcessService service;
    private ChromeDriver browser;

    /** Per test, not per class, so that a missing browser shows as a skipped test with the reason. */
    @BeforeEach
    void start() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(file -> !Files.isExecutable(file))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            String message = "no " + String.join(" and no ", missing)
                    + " (Debian's chromium and chromium-driver, which .ci/run installs)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + ": CI must run the browser test, not skip it");
            }
            assumeTrue(false, message);
        }
        service = InProcessService.start(Map.of("pacemaker.data-dir", dir.resolve("service")));
        browser = new ChromeDriver(driverService(), chromiumOptions());
    }

    private ChromeDriverService driverService() {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                .build();
    }

    private ChromeOptions chromiumOptions() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        // the console, and the page's network requests, for the checks at the end
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        return options;
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void logsInSeesTheTotalsRiseDuringAReplayAndChartsAPatient() throws Exception {
        service.jdbc().update("TRUNCATE pacemaker_telemetry");
        // the page replaces the table's rows on every refresh: an element found just before may be gone
        Wait<WebDriver> wait = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class);

        browser.get(service.baseUrl() + "/");
        wait.until(visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys(USER);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(visibilityOfElementLocated(By.id("dashboard-view")));
        assertThat(browser.findElement(By.id("login-view")).isDisplayed()).isFalse();
        assertThat(text("user")).isEqualTo(USER);
        wait.until(page -> shownRows() >= 0);
        assertThat(shownRows()).as("rows stored before the replay").isZero();

        CompletableFuture<CliRun> replay = CompletableFuture.supplyAsync(() -> CliRun.of(
                "replay",
                "--csv-path",
                CSV.toString(),
                "--endpoint-url",
                service.ingestUrl().toString(),
                "--username",
                USER,
                "--password",
                PASSWORD,
                "--interval-ms",
                "30"));

        // Every total the page shows until the replay has ended and the page caught up with it. The
        // replay's ~150 requests 30 ms apart outlast the page's 3 s between polls, so one falls mid-way.
        Set<Long> shown = new LinkedHashSet<>();
        wait.until(page -> {
            shown.add(shownRows());
            return replay.isDone() && (replay.join().exitCode() != ExitCode.OK || shownRows() == storedRows());
        });
        CliRun run = replay.get(1, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        long stored = storedRows();
        assertThat(stored).isEqualTo(dataLines(CSV));
        assertThat(shown)
                .as("totals shown while the replay ran")
                .anySatisfy(rows -> assertThat(rows).isStrictlyBetween(0L, stored));
        assertThat(text("stat-patients")).isEqualTo(number(storedPatients()));
        assertThat(text("stat-last-batch")).contains("rows received", "stored");
        assertThat(browser.findElements(By.cssSelector("#per-day rect"))).isNotEmpty();

        // the patient list refreshes on its own every 10 s: all patients, those with alerts first
        long patients = storedPatients();
        wait.until(page -> text("patient-count").equals(number(patients) + " patients"));
        // read at once: the table is rebuilt on every refresh
        @SuppressWarnings("unchecked")
        List<List<Object>> rows =
                (List<List<Object>>) browser.executeScript("return [...document.querySelectorAll('#patient-rows tr')]"
                        + ".map(row => [row.dataset.patient, row.classList.contains('alerting')])");
        assertThat(rows).hasSize((int) patients);
        List<Boolean> alerting = rows.stream().map(row -> (Boolean) row.get(1)).toList();
        assertThat(alerting).as("patients with alerts first").isSortedAccordingTo((a, b) -> Boolean.compare(b, a));

        String patient = (String) rows.get(0).get(0);
        By row = By.cssSelector("#patient-rows tr[data-patient='" + patient + "']");
        wait.until(page -> {
            page.findElement(row).click();
            return true;
        });
        wait.until(visibilityOfElementLocated(By.id("chart")));
        wait.until(page -> page.findElements(By.cssSelector("#charts .signal polyline.data"))
                        .size()
                == 4);
        assertThat(text("chart-patient")).startsWith(patient + ": ");
        wait.until(page -> page.findElement(row).getDomProperty("className").contains("selected"));
        assertChartsDrawn(Integer.parseInt(patient));

        for (String error : List.of("login-error", "stats-error", "patients-error", "chart-error")) {
            assertThat(text(error)).as(error).isEmpty();
        }
        assertThat(browser.findElement(By.id("live")).getDomProperty("className"))
                .doesNotContain("stale");
        saveFullPageScreenshot();

        // the token lives in the tab's session storage: a reload stays logged in, logging out forgets it
        browser.navigate().refresh();
        wait.until(visibilityOfElementLocated(By.id("dashboard-view")));
        wait.until(page -> text("user").equals(USER) && shownRows() == stored);
        browser.findElement(By.id("logout")).click();
        wait.until(visibilityOfElementLocated(By.id("login-form")));
        assertThat(browser.executeScript("return sessionStorage.getItem('pacemaker.token')"))
                .isNull();

        assertNoConsoleErrors();
        assertNoRequestLeftTheService();
    }

    /** Four signals, each a line through every reading in the range and its alert limits dashed across. */
    private void assertChartsDrawn(int patient) {
        long readings = service.jdbc().queryForObject("""
                        SELECT count(*) FROM pacemaker_telemetry WHERE patient_id = ? AND "timestamp" >
                            (SELECT max("timestamp") FROM pacemaker_telemetry WHERE patient_id = ?) - ? * interval '1 day'
                        """, Long.class, patient, patient, CHART_DAYS);
        assertThat(browser.findElement(By.id("chart-range")).getDomProperty("value"))
                .isEqualTo(String.valueOf(CHART_DAYS));
        Map<String, Integer> limitLines = Map.of(
                "lead_impedance_ohms", 2, "capture_threshold_v", 1, "r_wave_sensing_mv", 1, "battery_voltage_v", 1);
        // read at once: the chart is redrawn every 10 s
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> signals = (List<Map<String, Object>>) browser.executeScript("""
                return [...document.querySelectorAll('#charts .signal')].map(signal => ({
                  field: signal.dataset.field,
                  points: signal.querySelector('polyline.data').getAttribute('points'),
                  limits: [...signal.querySelectorAll('line.limit')].map(line => line.getAttribute('y1')),
                  width: signal.querySelector('svg').getBoundingClientRect().width,
                }))""");
        assertThat(signals)
                .extracting(signal -> (String) signal.get("field"))
                .containsExactlyInAnyOrderElementsOf(limitLines.keySet());
        for (Map<String, Object> signal : signals) {
            String field = (String) signal.get("field");
            List<double[]> xy = Stream.of(((String) signal.get("points")).trim().split("\\s+"))
                    .map(point -> Stream.of(point.split(","))
                            .mapToDouble(Double::parseDouble)
                            .toArray())
                    .toList();
            assertThat(xy).as(field + " points").hasSize((int) readings);
            assertThat(xy).as(field + " points inside the chart").allSatisfy(point -> {
                assertThat(point[0]).isBetween(0.0, 800.0);
                assertThat(point[1]).isBetween(0.0, 150.0);
            });
            @SuppressWarnings("unchecked")
            List<String> limits = (List<String>) signal.get("limits");
            assertThat(limits).as(field + " limit lines").hasSize(limitLines.get(field));
            assertThat(limits)
                    .as(field + " limits inside the chart")
                    .allSatisfy(y -> assertThat(Double.parseDouble(y)).isBetween(0.0, 150.0));
            assertThat(((Number) signal.get("width")).doubleValue())
                    .as(field + " chart width")
                    .isGreaterThan(400);
        }
    }

    /** The whole page in one picture: the window grows until the viewport holds all of it. */
    private void saveFullPageScreenshot() throws IOException {
        JavascriptExecutor script = browser;
        for (int attempt = 0; attempt < 3; attempt++) {
            long missing =
                    (Long) script.executeScript("return document.documentElement.scrollHeight - window.innerHeight");
            if (missing <= 0) {
                break;
            }
            Dimension window = browser.manage().window().getSize();
            browser.manage().window().setSize(new Dimension(window.getWidth(), window.getHeight() + (int) missing));
        }
        script.executeScript("window.scrollTo(0, 0)");
        Path target = Path.of(System.getProperty("dashboard.screenshot", "target/dashboard-browser/dashboard.png"));
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    private void assertNoConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .toList();
        assertThat(errors).as("console warnings and errors").isEmpty();
    }

    /**
     * Every request the browser sent over the network went to the service (it also loads {@code chrome://}
     * and {@code data:} URLs of its own start page, which go nowhere).
     */
    private void assertNoRequestLeftTheService() {
        String origin = service.baseUrl() + "/";
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asString().equals("Network.requestWillBeSent")) {
                String url = message.path("params").path("request").path("url").asString();
                if (url.matches("(?i)(https?|wss?)://.*")) {
                    urls.add(url);
                }
            }
        }
        assertThat(urls)
                .as("requests the page made")
                .contains(origin, origin + "assets/dashboard.js", origin + "api/v1/login/access-token")
                .allSatisfy(url -> assertThat(url).startsWith(origin));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The "Rows stored" tile, or -1 before the first poll has filled it. */
    private long shownRows() {
        String shown = text("stat-rows").replace(",", "");
        return shown.matches("\\d+") ? Long.parseLong(shown) : -1;
    }

    private long storedRows() {
        return service.jdbc().queryForObject("SELECT count(*) FROM pacemaker_telemetry", Long.class);
    }

    private long storedPatients() {
        return service.jdbc().queryForObject("SELECT count(DISTINCT patient_id) FROM pacemaker_telemetry", Long.class);
    }

    private static String number(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    private static long dataLines(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.skip(1).filter(line -> !line.isBlank()).count();
        }
    }
}
