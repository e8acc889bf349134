package org.leadmanager.examples.crm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven as a person uses the screens: open, click, type, pick, read, and a screenshot of each
 * screen. It runs Debian's {@code chromium} through its {@code chromedriver}, both named by path (system properties
 * {@code crm.chromium} and {@code crm.chromedriver}), so Selenium never looks for or downloads a browser or driver;
 * without them it fails, saying what to install.
 */
final class Browser implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String base;
    private final Path screenshots;
    private final ChromeDriver driver;

    private Browser(String base, Path screenshots, ChromeDriver driver) {
        this.base = base;
        this.screenshots = screenshots;
        this.driver = driver;
    }

    /** Starts headless Chromium for the application at {@code base}. */
    static Browser start(String base) {
        Path chromium = Path.of(System.getProperty("crm.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("crm.chromedriver", "/usr/bin/chromedriver"));
        for (Path program : List.of(chromium, chromedriver)) {
            assertTrue(Files.isExecutable(program), () -> program + " is missing: the browser tests need Debian's"
                    + " chromium and chromium-driver packages (apt-get install chromium chromium-driver; .ci/run"
                    + " installs them)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        Path screenshots = Path.of(System.getProperty("crm.screenshots", "target/screenshots"));
        return new Browser(base, screenshots, new ChromeDriver(service, options));
    }

    /** Opens a path of the application. */
    void open(String path) {
        driver.get(base + path);
    }

    /** Clicks what does not leave the page (a checkbox, a radio button, a summary). */
    void click(By what) {
        driver.findElement(what).click();
    }

    /** Clicks what leads to another page (a link, a submit button) and waits until that page is there. */
    void follow(By what) {
        follow(driver, what);
    }

    /** Clicks the element inside {@code within} that leads to another page, and waits until that page is there. */
    void follow(SearchContext within, By what) {
        WebElement page = driver.findElement(By.tagName("html"));
        within.findElement(what).click();
        new WebDriverWait(driver, WAIT).until(d -> gone(page));
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class)
                .until(d -> !d.findElements(By.tagName("main")).isEmpty());
    }

    /** Whether the element left the document: its page was replaced. */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            // while the next page loads, Chromium may say so in other words
            String message = e.getMessage();
            return message != null && message.contains("does not belong to the document");
        }
    }

    /** Replaces the text of an input. */
    void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    /** Picks the option with this visible text. */
    void pick(By select, String visibleText) {
        new Select(driver.findElement(select)).selectByVisibleText(visibleText);
    }

    boolean ticked(By checkbox) {
        return driver.findElement(checkbox).isSelected();
    }

    /** The visible text of the element. */
    String text(By what) {
        return driver.findElement(what).getText();
    }

    /** An attribute of the element, e.g. a {@code data-} attribute the page writes for tests and scripts. */
    String attribute(By what, String name) {
        return driver.findElement(what).getAttribute(name);
    }

    /** The visible texts of every matching element, in page order. */
    List<String> texts(By what) {
        return driver.findElements(what).stream().map(WebElement::getText).toList();
    }

    /** Every matching element. */
    List<WebElement> all(By what) {
        return driver.findElements(what);
    }

    /** Whether the page has such an element. */
    boolean has(By what) {
        return !driver.findElements(what).isEmpty();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Saves what the browser shows as {@code name}.png in the screenshot folder. */
    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
