package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.PublishedPost;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.RealHostGuard;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.Severity;
import org.schoolgate.support.Api;

/**
 * The proof that publishing never produces a second copy (SPEC §2.1 step 5), with the simulator's scripted
 * faults: a timeout after the platform accepted the post, a crash between acceptance and our record, a
 * platform "duplicate" answer; and that failures are retried with back-off, then become a review item.
 */
@QuarkusTest
class PublishFaultTest {

    /** What a crash looks like to the code around it: nothing after it runs (not even a catch of exceptions). */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("the process died here");
        }
    }

    static final class CrashingCheckpoint extends PublishCheckpoint {
        @Override
        public void accepted(long postId, long channelId, PublishedPost published) {
            throw new SimulatedCrash();
        }
    }

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    PublishService publishing;

    PostFixtures.Channels channels;
    Pupil pupil;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @BeforeEach
    void setUp() {
        long school = PostFixtures.demoSchoolId();
        channels = PostFixtures.channels(world(), cipher, school);
        pupil = PostFixtures.pupil(school, "Freya", PostFixtures.uniqueSurname("Ulverston"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME, Purpose.INSTAGRAM, NameAllowance.FIRST_NAME));
    }

    @AfterEach
    void noFaultsLeftAndNoRealHosts() {
        world().clearFaults();
        assertThat(RealHostGuard.violations()).isEmpty();
    }

    long calls(String method, String pathEnd) {
        return world().journal().stream().filter(e -> e.method().equals(method) && e.path().endsWith(pathEnd)).count();
    }

    List<GraphWorld.Post> facebookCopies(String caption) {
        return world().postsOf(channels.pageId()).stream().filter(p -> caption.equals(p.message())).toList();
    }

    List<GraphWorld.Media> instagramCopies(String caption) {
        return world().mediaOf(channels.igUserId()).stream().filter(m -> caption.equals(m.caption())).toList();
    }

    @Test
    void aTimeoutAfterFacebookAcceptedThePostNeverGivesASecondCopy() {
        String caption = PostFixtures.unique("Harvest festival ");
        long id = PostFixtures.approvedPost(caption, List.of(channels.facebook()), pupil.id);
        // the platform takes the photo at once but answers after our 3 s timeout
        world().addFault(Fault.delay(Duration.ofSeconds(6)).on("POST", channels.pageId() + "/photos"));

        PublishService.Outcome first = publishing.publish(id, Instant.now());

        assertThat(first.result()).startsWith("will retry");
        assertThat(facebookCopies(caption)).as("the platform accepted it").hasSize(1);
        PostTarget uncertain = PostFixtures.targets(id).get(0);
        assertThat(uncertain.status).isEqualTo(PostTarget.Status.PENDING);
        assertThat(uncertain.attemptStartedAt).as("the attempt was written down before the call").isNotNull();
        assertThat(uncertain.lastError).contains("TRANSIENT").doesNotContain("EAAB");
        world().clearFaults();

        Instant due = PostFixtures.load(id).nextAttemptAt;
        assertThat(publishing.runDue(due.minusSeconds(1))).extracting(PublishService.Outcome::postId)
                .as("not before the back-off").doesNotContain(id);
        assertThat(publishing.runDue(due)).contains(new PublishService.Outcome(id, "published"));

        assertThat(facebookCopies(caption)).as("still exactly one copy").hasSize(1);
        assertThat(calls("POST", channels.pageId() + "/photos")).as("never sent twice").isEqualTo(1);
        PostTarget done = PostFixtures.targets(id).get(0);
        assertThat(done.status).isEqualTo(PostTarget.Status.PUBLISHED);
        assertThat(done.reconciled).isTrue();
        assertThat(done.platformPostId).isEqualTo(facebookCopies(caption).get(0).id());
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.PUBLISHED);
        assertThat(PostFixtures.history(id)).containsSubsequence("publish-attempt-failed", "published-to-channel",
                "published");
    }

    @Test
    void aCrashBetweenThePlatformAcceptingAndOurRecordNeverGivesASecondCopy() {
        String caption = PostFixtures.unique("Nativity rehearsal ");
        long id = PostFixtures.approvedPost(caption, List.of(channels.facebook()), pupil.id);
        QuarkusMock.installMockForType(new CrashingCheckpoint(), PublishCheckpoint.class);

        assertThatThrownBy(() -> publishing.publish(id, Instant.now())).isInstanceOf(SimulatedCrash.class);

        assertThat(facebookCopies(caption)).hasSize(1);
        assertThat(PostFixtures.targets(id).get(0).status).as("our record was never written")
                .isEqualTo(PostTarget.Status.PENDING);
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.APPROVED);

        // the restarted process
        QuarkusMock.installMockForType(new PublishCheckpoint(), PublishCheckpoint.class);
        assertThat(publishing.publish(id, Instant.now()).result()).isEqualTo("published");

        assertThat(facebookCopies(caption)).hasSize(1);
        assertThat(calls("POST", channels.pageId() + "/photos")).isEqualTo(1);
        assertThat(PostFixtures.targets(id).get(0).platformPostId).isEqualTo(facebookCopies(caption).get(0).id());
    }

    @Test
    void anInstagramTimeoutAfterPublishingIsReconciledAndFacebookIsNotRepeated() {
        String caption = PostFixtures.unique("Science week ");
        long id = PostFixtures.approvedPost(caption, channels.both(), pupil.id);
        world().addFault(Fault.delay(Duration.ofSeconds(6)).on("POST", channels.igUserId() + "/media_publish"));

        assertThat(publishing.publish(id, Instant.now()).result()).startsWith("will retry");
        assertThat(instagramCopies(caption)).as("Instagram published it").hasSize(1);
        assertThat(PostFixtures.targets(id)).extracting(t -> t.status)
                .containsExactlyInAnyOrder(PostTarget.Status.PUBLISHED, PostTarget.Status.PENDING);
        world().clearFaults();

        assertThat(publishing.publish(id, Instant.now()).result()).isEqualTo("published");

        assertThat(instagramCopies(caption)).hasSize(1);
        assertThat(facebookCopies(caption)).hasSize(1);
        assertThat(calls("POST", channels.igUserId() + "/media_publish")).isEqualTo(1);
        assertThat(calls("POST", channels.pageId() + "/photos")).isEqualTo(1);
    }

    @Test
    void aDuplicateAnswerNeverAdoptsAnOlderHandMadePostNorPostsAgain() {
        String caption = PostFixtures.unique("Book week ");
        world().addPost(channels.pageId(), caption, Instant.now().minus(Duration.ofHours(3)), List.of());
        long id = PostFixtures.approvedPost(caption, List.of(channels.facebook()), pupil.id);

        assertThat(publishing.publish(id, Instant.now()).result()).startsWith("will retry");

        assertThat(facebookCopies(caption)).as("only the one posted by hand three hours ago").hasSize(1);
        PostTarget t = PostFixtures.targets(id).get(0);
        assertThat(t.status).isEqualTo(PostTarget.Status.PENDING);
        assertThat(t.lastError).contains("DUPLICATE");
    }

    @Test
    void failuresAreRetriedWithBackOffThenBecomeAReviewItemAndARestartPublishesOnce() {
        String caption = PostFixtures.unique("Sports day ");
        long id = PostFixtures.approvedPost(caption, List.of(channels.facebook()), pupil.id);
        world().addFault(Fault.transientError().on("POST", channels.pageId() + "/photos").always());

        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Duration> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(publishing.publish(id, now).result()).startsWith("will retry");
            Post p = PostFixtures.load(id);
            assertThat(p.publishAttempts).isEqualTo(attempt);
            waits.add(Duration.between(now, p.nextAttemptAt));
            now = p.nextAttemptAt;
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(4), Duration.ofMinutes(16),
                Duration.ofMinutes(64));
        assertThat(publishing.publish(id, now).result()).startsWith("failed for good");

        Post failed = PostFixtures.load(id);
        assertThat(failed.status).isEqualTo(PostStatus.PUBLISH_FAILED);
        assertThat(failed.lastPublishError).contains("TRANSIENT");
        List<ReviewItem> items = QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>list(
                "subjectType = 'post' and subjectId like ?1 and kind = ?2", id + ":%", ReviewKind.CHANNEL_PROBLEM));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.severity).isEqualTo(Severity.HIGH);
            assertThat(i.channelId).isEqualTo(channels.facebook());
            assertThat(i.detail).contains("After 5 attempts");
        });
        Api.as("head").get("/review/" + items.get(0).id).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("href=\"/posts/" + id + "\""));
        assertThat(facebookCopies(caption)).isEmpty();
        assertThat(publishing.runDue(now.plus(Duration.ofDays(1)))).extracting(PublishService.Outcome::postId)
                .as("a failed publication waits for a person").doesNotContain(id);

        world().clearFaults();
        Api.as("head").contentType(ContentType.JSON).body("{}").post("/api/posts/" + id + "/retry").then()
                .statusCode(200);
        assertThat(publishing.publish(id, Instant.now()).result()).isEqualTo("published");
        assertThat(facebookCopies(caption)).hasSize(1);
        assertThat(calls("POST", channels.pageId() + "/photos")).as("five refused attempts and the good one")
                .isEqualTo(6);
    }

    @Test
    void aScheduledPostWaitsForItsTime() {
        String caption = PostFixtures.unique("Christmas fair ");
        long id = PostFixtures.draft("office", caption, List.of(channels.facebook()));
        long image = PostFixtures.addImage("office", id, TestImages.phoneJpeg(320, 240, 1));
        PostFixtures.tag("office", id, image, List.of(), true);
        Instant at = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Api.as("office").contentType(ContentType.JSON).body(Map.of("caption", caption, "channelIds",
                List.of(channels.facebook()), "scheduledAt", at.toString())).put("/api/posts/" + id).then().statusCode(200);
        PostFixtures.submit("office", id);
        PostFixtures.signOff("staff", id);
        PostFixtures.approve("head", id);

        assertThat(publishing.runDue(Instant.now())).extracting(PublishService.Outcome::postId).doesNotContain(id);
        assertThat(facebookCopies(caption)).isEmpty();
        assertThat(publishing.runDue(at)).contains(new PublishService.Outcome(id, "published"));
        assertThat(facebookCopies(caption)).hasSize(1);
    }
}
