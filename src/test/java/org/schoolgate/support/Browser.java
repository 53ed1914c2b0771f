package org.schoolgate.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Real Chromium (Debian's package) driven by Playwright, one page per test, a phone-sized window,
 * and a screenshot under target/screenshots when a test fails. Use with
 * {@code @ExtendWith(Browser.class)} and a {@code Page} parameter.
 */
public class Browser implements ParameterResolver, AfterEachCallback {

    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Page page;

    private static synchronized com.microsoft.playwright.Browser chromium() {
        if (chromium == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }));
        }
        return chromium;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        page = chromium().newContext(new NewContextOptions().setViewportSize(390, 844)).newPage();
        page.setDefaultTimeout(15_000);
        return page;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (page == null) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            Path dir = Paths.get("target", "screenshots");
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(dir.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName() + ".png")));
        }
        page.context().close();
        page = null;
    }

    /** Logs in through the real form. */
    public static void login(Page page, String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/login");
        page.getByLabel("School e-mail address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
    }
}
