package org.schoolgate.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.schoolgate.staff.LoginThrottle;
import org.schoolgate.support.Browser;

/**
 * In real Chromium at phone size: every demo role logs in and sees its own menu without the page widening; a wrong
 * password says so; logout works.
 */
@QuarkusTest
@ExtendWith(Browser.class)
class LoginJourneyBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    LoginThrottle throttle;

    @AfterEach
    void forget() {
        throttle.clear();
    }

    static final Map<String, List<String>> MENU = Map.of(
            "office", List.of("Home", "My posts", "Sign-off inbox", "Pupils"),
            "staff", List.of("Home", "Sign-off inbox"),
            "head", List.of("Home", "Sign-off inbox", "Approval queue", "Review queue", "Comment scan", "Pupils",
                    "Channels", "Audit log", "Reports"),
            "dsl", List.of("Home", "Sign-off inbox", "Review queue", "Comment scan", "Channels"),
            "admin", List.of("Home", "Channels", "Audit log", "Staff", "Schools", "E-mail"),
            "governor", List.of("Home", "Audit log", "Reports"));

    private String base() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void eachRoleSeesItsOwnMenu(Page page) {
        for (var entry : MENU.entrySet()) {
            Browser.login(page, base(), entry.getKey() + "@demo.school", "demo");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Good to see you");
            assertThat(page.locator("nav[aria-label=Main] ul.menu a")).hasText(entry.getValue().toArray(String[]::new));
            // on a phone the menu scrolls inside its own row; the page itself must not pan sideways
            org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
                    "document.documentElement.scrollWidth")).intValue()).as("page width for " + entry.getKey())
                    .isLessThanOrEqualTo(page.viewportSize().width);
            page.getByTestId("logout").click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have logged out");
        }
    }

    @Test
    void aWrongPasswordShowsTheError(Page page) {
        Browser.login(page, base(), "head@demo.school", "not-the-password");
        assertThat(page.getByTestId("login-error")).containsText("did not work");
        page.reload();
        assertThat(page.getByTestId("login-error")).hasCount(0);
    }

    @Test
    void theHeadteacherSeesTheReviewTileAndQueue(Page page) {
        Browser.login(page, base(), "head@demo.school", "demo");
        page.getByTestId("tile").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Items to review"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Review queue");
    }
}
