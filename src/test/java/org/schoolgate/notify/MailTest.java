package org.schoolgate.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.audit.AuditEvent;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.CommentFixtures;
import org.schoolgate.review.EscalationTarget;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.Severity;
import org.schoolgate.staff.Role;
import org.schoolgate.support.OtherSchool;
import org.schoolgate.support.TestMailServer;

/** The alert, the digest and the DSL escalation e-mails, received by a real SMTP server (GreenMail). */
@QuarkusTest
class MailTest {

    @Inject
    Outbox outbox;

    @Inject
    DigestService digests;

    @Inject
    ReviewService review;

    OtherSchool school;
    long channel;

    @BeforeEach
    void fresh() {
        school = OtherSchool.create();
        channel = CommentFixtures.channel(school.id, "Oakfield Facebook Page");
        outbox.sendDue();
        TestMailServer.reset();
    }

    private List<MimeMessage> to(String email, int n) {
        return TestMailServer.awaitTo(email, n, Duration.ofSeconds(30));
    }

    /** Mail to this test's school only: background scans of the demo school may send alerts meanwhile. */
    private List<MimeMessage> ours() {
        return TestMailServer.received().stream().filter(m -> school.owns(TestMailServer.recipient(m))).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aThreatIsAlertedAtOnceToTheHeadAndTheDslWithoutTheCommentsWordsOrAuthor() {
        var f = CommentFixtures.flagged(school.id, channel, "I know where you live, watch your back", Severity.CRITICAL,
                Category.THREAT);
        List<MimeMessage> head = to(school.email(Role.HEADTEACHER), 1);
        List<MimeMessage> dsl = to(school.email(Role.DSL), 1);
        assertThat(head).hasSize(1);
        assertThat(dsl).hasSize(1);
        assertThat(ours()).hasSize(2);
        MimeMessage m = head.get(0);
        assertThat(subject(m)).isEqualTo("Schoolgate: a threat on Oakfield Facebook Page needs you now");
        String body = TestMailServer.text(m);
        assertThat(body).contains("Other School " + school.prefix).contains("flagged as threat (critical)")
                .contains("threat: 'test phrase'").contains("http://localhost:8080/review/" + f.itemId())
                .contains("The evidence was captured").doesNotContain("know where you live").doesNotContain("Pat Parent");
        String html = TestMailServer.html(m);
        assertThat(html).contains("<a href=\"http://localhost:8080/review/" + f.itemId() + "\">")
                .contains("threat: &#39;test phrase&#39;").doesNotContain("know where you live");
        // the server has the mail a moment before the outbox row says SENT
        long sent = 0;
        for (int i = 0; i < 200 && sent < 2; i++) {
            sent = QuarkusTransaction.requiringNew().call(() -> MailMessage.count("schoolId = ?1 and kind = ?2 and status = ?3",
                    school.id, MailKind.ALERT, MailStatus.SENT));
            sleep(50);
        }
        assertThat(sent).isEqualTo(2);
    }

    @Test
    void aCriticalCommentIsAlertedButAMediumInsultWaitsForTheDigest() {
        CommentFixtures.flagged(school.id, channel, "you are an idiot", Severity.MEDIUM, Category.ABUSE);
        CommentFixtures.flagged(school.id, channel, "racist words", Severity.CRITICAL, Category.HATE);
        List<MimeMessage> head = to(school.email(Role.HEADTEACHER), 1);
        assertThat(head).hasSize(1);
        assertThat(subject(head.get(0))).isEqualTo("Schoolgate: a critical comment on Oakfield Facebook Page needs you now");
        assertThat(TestMailServer.text(head.get(0))).contains("flagged as hate (critical)");
        assertThat(to(school.email(Role.DSL), 1)).hasSize(1);
        outbox.sendDue();
        assertThat(ours()).as("the medium insult waits for the digest").hasSize(2);
    }

    @Test
    void anAlertIsNeverLostWhenTheMailServerIsDownItIsRetriedAndAFinalFailureIsRecorded() {
        TestMailServer.refuse();
        long itemId;
        try {
            itemId = CommentFixtures.flagged(school.id, channel, "watch your back", Severity.CRITICAL, Category.THREAT).itemId();
            outbox.sendDue();
            // the sender started after commit may still be at work: wait until both attempts are recorded
            List<MailMessage> queued = List.of();
            for (int i = 0; i < 200; i++) {
                queued = QuarkusTransaction.requiringNew().call(() -> MailMessage.<MailMessage>list(
                        "schoolId = ?1 and kind = ?2", school.id, MailKind.ALERT));
                if (queued.size() == 2 && queued.stream().allMatch(m -> m.lastError != null)) {
                    break;
                }
                sleep(50);
            }
            assertThat(queued).hasSize(2).allSatisfy(m -> {
                assertThat(m.status).isEqualTo(MailStatus.PENDING);
                assertThat(m.attempts).isGreaterThanOrEqualTo(1);
                assertThat(m.lastError).isNotBlank();
            });
        } finally {
            TestMailServer.accept();
        }
        // time passes: the retry is due
        QuarkusTransaction.requiringNew().run(() -> MailMessage.update(
                "nextAttemptAt = ?1 where schoolId = ?2", java.time.Instant.now().minusSeconds(1), school.id));
        outbox.sendDue();
        assertThat(to(school.email(Role.HEADTEACHER), 1)).hasSize(1);
        assertThat(TestMailServer.text(to(school.email(Role.HEADTEACHER), 1).get(0))).contains("/review/" + itemId);

        TestMailServer.refuse();
        try {
            String key = "alert:test:" + UUID.randomUUID();
            outbox.queue(new Outbox.Message(school.id, MailKind.ALERT, key, "x@other.school", "s", "t", "<p>h</p>"));
            QuarkusTransaction.requiringNew().run(() -> MailMessage.update("attempts = 7 where dedupKey = ?1", key));
            outbox.sendDue();
            MailMessage failed = QuarkusTransaction.requiringNew().call(() -> MailMessage.<MailMessage>find("dedupKey", key).singleResult());
            assertThat(failed.status).isEqualTo(MailStatus.FAILED);
            assertThat(failed.attempts).isEqualTo(8);
            assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = 'mail.failed' and subjectId = ?1",
                    Long.toString(failed.id)))).isEqualTo(1);
            assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.failedCount(school.id))).isEqualTo(1);
            school.as(Role.ADMIN).get("/admin/mail").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("FAILED (8 attempts)"))
                    .body(org.hamcrest.Matchers.containsString("451 Requested action aborted"));
            school.as(Role.ADMIN).get("/").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("E-mails not delivered"));
        } finally {
            TestMailServer.accept();
        }
    }

    private long raise(ReviewKind kind, Severity severity, String summary) {
        return QuarkusTransaction.requiringNew().call(() -> review.raise(new NewReviewItem(school.id, kind, severity,
                "test", UUID.randomUUID().toString(), channel, summary, null)).orElseThrow().id);
    }

    @Test
    void theMorningDigestListsTheNewItemsOnceAndOnlyWhenThereAreAny() {
        var comment = CommentFixtures.flagged(school.id, channel, "you are a useless teacher", Severity.MEDIUM,
                Category.ABUSE);
        long problem = raise(ReviewKind.CHANNEL_PROBLEM, Severity.HIGH, "The Facebook token expires in 10 days");
        outbox.sendDue();
        TestMailServer.reset();

        assertThat(digests.digest(school.id)).isEqualTo(2);
        outbox.sendDue();
        List<MimeMessage> head = to(school.email(Role.HEADTEACHER), 1);
        assertThat(head).hasSize(1);
        assertThat(to(school.email(Role.DSL), 1)).hasSize(1);
        assertThat(subject(head.get(0))).startsWith("Schoolgate: 2 new items to review (1 high or critical) · ");
        String body = TestMailServer.text(head.get(0));
        assertThat(body).contains("2 new items in the review queue").contains("[high] Channel problem: The Facebook token expires in 10 days (Oakfield Facebook Page)")
                .contains("[medium] Flagged comment: a comment flagged for abuse")
                .contains("http://localhost:8080/review/" + problem).contains("http://localhost:8080/review/" + comment.itemId())
                .doesNotContain("useless teacher");

        TestMailServer.reset();
        assertThat(digests.digest(school.id)).as("nothing new since the last digest").isZero();
        outbox.sendDue();
        assertThat(ours()).isEmpty();
    }

    @Test
    void twoInstancesRunningTheDigestAtOnceSendItOnce() throws Exception {
        raise(ReviewKind.OUT_OF_WORKFLOW_POST, Severity.HIGH, "A post appeared on the Page outside Schoolgate");
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> digests.digest(school.id));
            Future<Integer> b = pool.submit(() -> digests.digest(school.id));
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(1, 0);
        } finally {
            pool.shutdown();
        }
        long queued = QuarkusTransaction.requiringNew().call(() -> MailMessage.count("schoolId = ?1 and kind = ?2",
                school.id, MailKind.DIGEST));
        assertThat(queued).isEqualTo(2);
    }

    @Test
    void aSchoolWithNothingNewGetsNoDigest() {
        assertThat(digests.digest(school.id)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> MailMessage.count("schoolId", school.id))).isZero();
    }

    @Test
    void anEscalationToTheDslIsMailedToTheDsl() {
        long item = raise(ReviewKind.FLAGGED_COMMENT, Severity.HIGH, "a comment");
        QuarkusTransaction.requiringNew().run(() -> review.escalate(school.id, item, 0, school.email(Role.HEADTEACHER),
                EscalationTarget.DSL, "a pupil is named in a nasty comment", "SG-12"));
        List<MimeMessage> dsl = to(school.email(Role.DSL), 1);
        assertThat(dsl).hasSize(1);
        assertThat(subject(dsl.get(0))).isEqualTo("Schoolgate: a safeguarding concern was passed to you");
        assertThat(TestMailServer.text(dsl.get(0))).contains(school.email(Role.HEADTEACHER) + " passed a concern to you")
                .contains("Why: a pupil is named in a nasty comment").contains("Reference: SG-12")
                .contains("http://localhost:8080/review/" + item);
        assertThat(ours()).as("the one who escalated is not mailed").hasSize(1);
    }
}
