package org.schoolgate.consent;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.schoolgate.support.Browser;

/**
 * In real Chromium, the office's journey: import an Arbor-style export, read the preview, apply it,
 * then record that a parent withdrew Instagram consent for one pupil.
 */
@QuarkusTest
@ExtendWith(Browser.class)
class ConsentJourneyBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void officeImportsPreviewsAppliesAndWithdrawsInstagramConsent(Page page) {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String surname = "Journey" + tag.replaceAll("[^A-Z]", "Q");
        String csv = "Arbor Student ID,Legal Forename,Legal Surname,Year,Reg Group,Facebook Consent,Instagram Consent,"
                + "Name Allowance,Consent Date,Consent Method\r\n"
                + "J" + tag + "1,Ava," + surname + ",Year 3,3B,yes,yes,first name,01/09/2026,paper form\r\n"
                + "J" + tag + "2,\"Leo, junior\"," + surname + ",Year 4,4A,yes,no,none,01/09/2026,paper form\r\n";
        String base = root.toString().replaceAll("/$", "");

        Browser.login(page, base, "office@demo.school", "demo");
        page.navigate(base + "/pupils");
        page.getByTestId("import-link").click();
        page.getByTestId("import-file").setInputFiles(new FilePayload("arbor-export.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("import-upload").click();

        assertThat(page.getByTestId("import-summary")).containsText("2 added");
        assertThat(page.getByTestId("import-preview")).containsText("Ava " + surname);
        page.getByTestId("import-apply").click();

        page.navigate(base + "/pupils?q=" + surname);
        page.getByTestId("pupils").locator("a", new Locator.LocatorOptions().setHasText("Ava " + surname)).click();
        assertThat(page.getByTestId("status-instagram")).containsText("Given", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));

        page.getByTestId("withdraw-instagram").click();
        page.getByTestId("withdrawn-by-instagram").fill("Mother, by phone");
        page.getByTestId("withdraw-submit-instagram").click();

        assertThat(page.getByTestId("status-instagram")).containsText("withdrawn", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
        assertThat(page.getByTestId("status-facebook")).containsText("Given", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
        assertThat(page.getByTestId("history")).containsText("Mother, by phone");
    }
}
