package org.schoolgate.moderation.scan;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.staff.LoginThrottle;
import org.schoolgate.staff.Role;
import org.schoolgate.support.Browser;
import org.schoolgate.support.OtherSchool;

/**
 * In real Chromium on a phone-sized screen: the headteacher opens "Comment scan" from the menu, starts a
 * scan and watches it progress (htmx polls the progress box under the strict CSP) until it has finished.
 */
@QuarkusTest
@ExtendWith(Browser.class)
class ScanJourneyBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    LoginThrottle throttle;

    @AfterEach
    void clear() {
        simulator.running().orElseThrow().world().clearFaults();
        throttle.clear();
    }

    @Test
    void theHeadteacherStartsAScanAndWatchesItFinish(Page page) throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(simulator.running().orElseThrow().world(), cipher,
                "Journey");
        GraphWorld.Post post = s.post("Nativity", ScanFixtures.hoursAgo(3));
        s.comment(post.id(), "Kev Wright", CommentScanTest.THREAT, ScanFixtures.hoursAgo(2));
        s.comment(post.id(), "Ann", CommentScanTest.ORDINARY.get(0), ScanFixtures.hoursAgo(1));
        // the Page answers its post listing slowly, so the scan is still running when the page shows
        s.world().addFault(Fault.delay(Duration.ofSeconds(4)).on("GET", s.page().pageId() + "/posts"));
        String base = root.toString().replaceAll("/$", "");
        Browser.login(page, base, s.school().email(Role.HEADTEACHER), OtherSchool.PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Comment scan")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Comment scan");
        page.getByTestId("scan-start").click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The scan has started");
        assertThat(page.getByTestId("scan-progress")).containsText("Scanning…");
        assertThat(page.getByTestId("scan-start")).isDisabled();
        assertThat(page.getByTestId("scan-progress")).containsText("Last scan: Completed",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.getByTestId("scan-channels")).hasText("1 of 1");
        assertThat(page.getByTestId("scan-read")).hasText("2");
        assertThat(page.getByTestId("scan-flagged")).hasText("1");
        assertThat(page.getByTestId("scan-progress")).not().hasAttribute("hx-trigger", "every 2s");
        assertThat(page.getByTestId("scan-start")).isEnabled();
    }
}
