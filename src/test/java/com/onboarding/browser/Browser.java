package com.onboarding.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run). Outside CI the browser
 * tests are skipped when the packages are missing; in CI (CI=true) a missing browser fails them.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    private Browser(String baseUrl, String language) {
        ChromeOptions options = new ChromeOptions();
        // The browser's language: navigator.languages (Tasklist's choice) and Accept-Language (the application's).
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=" + language);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.baseUrl = baseUrl;
    }

    public static Browser open(int port) {
        return open(port, "en-US");
    }

    /** A browser whose person speaks this language first (a BCP 47 tag such as "de-DE"). */
    public static Browser open(int port, String language) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assumeTrue(installed || "true".equals(System.getenv("CI")),
                "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        return new Browser("http://localhost:" + port, language);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
    }

    public WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Fills the application's sign-in page (where any protected page redirects to). */
    public void signIn(String username, String password) {
        visible(By.id("username")).sendKeys(username);
        visible(By.id("password")).sendKeys(password);
        click(By.cssSelector("button[type='submit']"));
    }

    /**
     * Clicks an element after scrolling it to the middle of the window, clear of Tasklist's notifications. Tasklist
     * redraws its lists while they load: an element replaced between finding and clicking is found again.
     */
    public void click(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement element = clickable(by);
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
                clickable(by).click();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Picks an option of a form-js select of a Camunda Form (its field id and the start of the option's text). */
    public void chooseInForm(String field, String optionStart) {
        click(By.cssSelector("[id$='-" + field + "-display']"));
        click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(), '"
                + optionStart + "')]"));
    }

    /** Closes Tasklist's notifications, which sit over the lower right part of a form. */
    public void dismissTasklistNotifications() {
        driver.findElements(By.cssSelector("[uib-alert] button.close")).forEach(button -> {
            try {
                if (button.isDisplayed()) {
                    button.click();
                }
            } catch (StaleElementReferenceException e) {
                // Tasklist removed the notification on its own meanwhile.
            }
        });
    }

    /**
     * Opens a task in Tasklist (signed in already) and waits for its form. When the form does not come, the screen,
     * the address and the page's text go to the failure, so a CI run says what Tasklist showed instead.
     */
    public void openTasklistTask(String taskId) {
        if (driver.getCurrentUrl().contains("/tasklist/")) {
            // Within Tasklist the task opens as a click on it does, by its address after the "#", once Tasklist's
            // first load has chosen its filter. Loading Tasklist anew instead (the address before the "#" differs
            // after the sign-in: "?continue") left it on its loading spinner, with no error on the server, in three
            // of four full CI runs (target/screenshots/failed-task-*.png showed the spinner).
            wait.until(browser -> browser.getCurrentUrl().contains("filter="));
            ((JavascriptExecutor) driver).executeScript("window.location.hash = arguments[0];", "#/?task=" + taskId);
        } else {
            go("/camunda/app/tasklist/default/#/?task=" + taskId);
        }
        try {
            visible(By.cssSelector(".fjs-form"));
        } catch (TimeoutException e) {
            Path shot = screenshot("failed-task-" + taskId);
            throw new AssertionError("Tasklist showed no form for task " + taskId + " at " + driver.getCurrentUrl()
                    + " (screenshot " + shot + "); the page read: " + pageText(), e);
        }
    }

    /**
     * Waits until the element shows the text. A page that reloads itself (a bulk import's, a selection's) may replace
     * the element between finding and reading it; Chrome then answers "does not belong to the document" rather than
     * a stale element: both mean "look again".
     */
    public void waitForText(By by, String text) {
        wait.until(driver -> {
            try {
                return ExpectedConditions.textToBePresentInElementLocated(by, text).apply(driver);
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The window as a phone shows pages (375 px wide), or back to the desktop size. */
    public void width(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, pixels < 800 ? 812 : 1600));
    }

    /**
     * The current page's serious and critical accessibility problems found by axe-core with its default rules (WCAG
     * 2.x A and AA and the best practices) and label-content-name-mismatch (WCAG 2.5.3: a control's accessible name
     * contains its visible text), which axe 4.11 still marks experimental and leaves out by default; one line each
     * with the elements concerned; empty when there are none.
     */
    public List<String> accessibilityProblems() {
        AxeRuleOptions enabled = new AxeRuleOptions();
        enabled.setEnabled(true);
        AxeRunOptions options = new AxeRunOptions();
        options.setRules(Map.of("label-content-name-mismatch", enabled));
        // Legacy mode: axe runs in the page itself. The default opens and closes a window per run to join the results
        // of cross-origin frames, which the application's pages do not have; it took a quarter of the walk's time.
        Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    /**
     * How far the page reaches past the window's width in CSS pixels (0: it does not scroll sideways), with the
     * elements that stick out furthest, for the message.
     */
    public String sidewaysOverflow() {
        Object result = ((JavascriptExecutor) driver).executeScript("""
                const width = document.documentElement.clientWidth;
                const over = document.documentElement.scrollWidth - width;
                if (over <= 0) { return ''; }
                const culprits = Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > width + 1))
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
                        ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                        + ' "' + (e.textContent || '').trim().slice(0, 30) + '"');
                return over + ' px: ' + culprits.join(', ');
                """);
        return String.valueOf(result);
    }

    /** Saves a screenshot under target/screenshots, for the reader of a failed (or passed) run. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
