package org.duban.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, at office-laptop size (1366×768) unless told otherwise, signed in as one user, with the few
 * moves our browser tests need: open a route and wait until Vaadin has answered, find components by id or text, save
 * screenshots under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String VAADIN_IDLE = "return !!(window.Vaadin && window.Vaadin.Flow"
            + " && window.Vaadin.Flow.clients && Object.values(window.Vaadin.Flow.clients)"
            + ".every(c => !c.isActive || !c.isActive()))";

    private final ChromeDriver driver;
    private final String base;

    public Browser(int port) {
        this(port, 1366, 768);
    }

    /** A browser whose window is {@code width}×{@code height} CSS pixels, e.g. a tablet upright (768×1024). */
    public Browser(int port, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumCondition.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromiumCondition.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in through the login page, as every user does. Passwords of demo users equal their names. */
    public Browser signInAs(String username) {
        driver.get(base + "/login");
        waitForVaadin();
        find(By.id("vaadinLoginUsername")).findElement(By.tagName("input")).sendKeys(username);
        find(By.id("vaadinLoginPassword")).findElement(By.tagName("input")).sendKeys(username);
        find(By.cssSelector("vaadin-button[slot='submit']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        waitForVaadin();
        return this;
    }

    public Browser open(String route) {
        driver.get(base + "/" + route);
        waitForVaadin();
        return this;
    }

    public void waitForVaadin() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The visible text of the page, shadow roots included (Vaadin grids render cells into light-DOM slots). */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** A Vaadin button by its visible caption. */
    public WebElement button(String caption) {
        return find(By.xpath("//vaadin-button[normalize-space(.)='" + caption + "']"));
    }

    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
        waitForVaadin();
    }

    /** Saves a PNG of the current page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Could not save screenshot " + name, e);
        }
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
