package org.schoolgate.moderation.actions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelFixtures;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.moderation.scan.EvidenceRecord;
import org.schoolgate.moderation.scan.ScannedComment;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.Severity;
import org.schoolgate.staff.LoginThrottle;
import org.schoolgate.staff.Role;
import org.schoolgate.support.Browser;
import org.schoolgate.support.OtherSchool;
import org.schoolgate.support.TestMailServer;

/**
 * Issue 7's journey in real Chromium on a phone-sized screen: the scan flags a threatening comment on the
 * simulated Page → it tops the headteacher's queue and an alert e-mail arrives → the evidence pack downloads (a
 * valid PDF whose hash matches the record) → escalate to the police → hide → the Page shows the comment hidden →
 * the audit log shows each step.
 */
@QuarkusTest
@ExtendWith(Browser.class)
class ReviewJourneyBrowserTest {

    static final String THREAT = "watch your back Mr Jones, I know where you live";

    @TestHTTPResource("/")
    URL root;

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    LoginThrottle throttle;

    @Inject
    ReviewService review;

    @AfterEach
    void clear() {
        throttle.clear();
    }

    @Test
    void aThreatIsFlaggedAlertedEvidencedEscalatedAndHidden(Page page) throws Exception {
        GraphWorld world = simulator.running().orElseThrow().world();
        OtherSchool school = OtherSchool.create();
        ChannelFixtures.SimPage sim = ChannelFixtures.simulatedPage(world, "Journey Page");
        Channel channel = ChannelFixtures.activeChannel(cipher, school.id, Platform.FACEBOOK_PAGE, sim.pageId(),
                ChannelKind.OFFICIAL, sim.token());
        GraphWorld.Post post = world.addPost(sim.pageId(), "Our nativity play", Instant.now().minus(Duration.ofHours(5)), List.of());
        GraphWorld.Comment threat = world.addComment(post.id(), "70019", "Kev Wright", THREAT, Instant.now().minus(Duration.ofHours(2)));
        world.addComment(post.id(), "70020", "Ann Parent", "What a lovely play, well done everyone!", Instant.now().minus(Duration.ofHours(1)));
        // something older and milder is already waiting
        QuarkusTransaction.requiringNew().run(() -> review.raise(new NewReviewItem(school.id, ReviewKind.CHANNEL_PROBLEM,
                Severity.LOW, "test", "older", channel.id, "An older, milder item", null)));
        TestMailServer.reset();
        String base = root.toString().replaceAll("/$", "");

        Browser.login(page, base, school.email(Role.HEADTEACHER), OtherSchool.PASSWORD);
        page.locator("nav[aria-label=Main]").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Comment scan")).click();
        page.getByTestId("scan-start").click();
        assertThat(page.getByTestId("scan-progress")).containsText("Last scan: Completed",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("scan-flagged")).hasText("1");

        // it tops the queue, and the alert has gone out
        page.locator("nav[aria-label=Main]").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Review queue")).click();
        assertThat(page.getByTestId("queue-row").first()).containsText("critical");
        assertThat(page.getByTestId("queue-row").first()).containsText("Flagged comment");
        assertThat(page.getByTestId("queue-row").nth(1)).containsText("An older, milder item");
        List<org.schoolgate.notify.MailMessage> queued = QuarkusTransaction.requiringNew().call(() ->
                org.schoolgate.notify.MailMessage.<org.schoolgate.notify.MailMessage>list("schoolId", school.id));
        org.assertj.core.api.Assertions.assertThat(queued).as("alerts in the outbox").extracting(m -> m.kind + " " + m.status + " " + m.lastError)
                .hasSize(2);
        List<MimeMessage> mail = TestMailServer.awaitTo(school.email(Role.HEADTEACHER), 1, Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThat(mail).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(mail.get(0).getSubject()).isEqualTo("Schoolgate: a threat on " + channel.name + " needs you now");

        // the item shows the comment in context; the evidence pack downloads and its hash is the record's
        page.getByTestId("queue-row").first().locator("a.queue-link").click();
        assertThat(page.getByTestId("comment-text")).hasText(THREAT);
        assertThat(page.getByTestId("comment-post")).containsText("Our nativity play");
        Download download = page.waitForDownload(() -> page.getByTestId("evidence-pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());
        long commentId = QuarkusTransaction.requiringNew().call(() -> ScannedComment.<ScannedComment>find(
                "channelId = ?1 and platformCommentId = ?2", channel.id, threat.id()).singleResult().id);
        EvidenceRecord record = QuarkusTransaction.requiringNew().call(() -> EvidenceRecord.<EvidenceRecord>find(
                "commentId", commentId).singleResult());
        org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(doc)).contains(record.sha256).contains(THREAT);
            byte[] attached = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().values().iterator().next()
                    .getEmbeddedFile().toByteArray();
            org.assertj.core.api.Assertions.assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(attached)))
                    .isEqualTo(record.sha256);
        }

        // escalate to the police
        page.getByTestId("escalate").locator("summary").click();
        page.getByTestId("escalate-target").selectOption("POLICE");
        page.getByTestId("escalate-reason").fill("A threat of violence against a teacher");
        page.getByTestId("escalate-reference").fill("CAD 4711");
        page.getByTestId("escalate-submit").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Escalated to the police");
        assertThat(page.getByTestId("escalations")).containsText("Reported to the police");

        // hide: the Page shows it hidden
        page.getByTestId("hide").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The comment is hidden");
        assertThat(page.getByTestId("comment-hidden")).isVisible();
        org.assertj.core.api.Assertions.assertThat(world.comment(threat.id()).orElseThrow().hidden()).isTrue();
        page.navigate(base + "/channels/" + channel.id + "/posts/" + post.id());
        assertThat(page.getByTestId("comments").locator("tr", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("watch your back"))).containsText("hidden");

        // the audit log shows each step
        page.locator("nav[aria-label=Main]").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Audit log")).click();
        for (String step : List.of("scan.started", "comment.flagged", "comment.evidence-captured", "evidence.exported",
                "review.escalated", "review.hidden")) {
            assertThat(page.locator("main")).containsText(step);
        }
    }
}
