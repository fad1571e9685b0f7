package io.carbonx.node.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven over WebDriver for the console's browser tests: Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code scripts/install-test-deps.sh}), given to Selenium by path so that
 * Selenium Manager never looks for or downloads a browser or driver. Paths can be overridden with the system
 * properties {@code carbonx.chromium} and {@code carbonx.chromedriver}. Screenshots go to
 * {@code target/console-screenshots/}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    /** Default locations (Debian packages). */
    public static final String CHROMIUM = System.getProperty("carbonx.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("carbonx.chromedriver", "/usr/bin/chromedriver");
    /** Where screenshots are kept (a test artifact). */
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private ConsoleBrowser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Skips the calling test (JUnit assumption) unless Chromium and chromedriver are installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "console browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): run scripts/install-test-deps.sh; skipped");
    }

    /** Starts chromedriver and a headless Chromium. */
    public static ConsoleBrowser start() {
        assumeInstalled();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1500,2000", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new ConsoleBrowser(service, driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits until the console's module ran. */
    public void open(String url) {
        driver.get(url);
        until(Duration.ofSeconds(30), d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute(
                "data-ready")) ? Boolean.TRUE : null, "the console script did not start at " + url);
    }

    /** Runs an async script; the last argument of the script is the callback. */
    public Object async(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (bounded) until {@code condition} returns a non-null, non-false value. */
    public <T> T until(Duration timeout, Function<WebDriver, T> condition, String what) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(250));
        wait.withMessage(what).ignoring(StaleElementReferenceException.class); // the console re-renders as it polls
        return wait.until(condition);
    }

    /** Waits until an element matching {@code css} exists and returns it. */
    public WebElement await(String css, Duration timeout) {
        return until(timeout, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        }, "no element " + css + " within " + timeout);
    }

    /** Saves a PNG screenshot as {@code target/console-screenshots/<name>.png}; returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
