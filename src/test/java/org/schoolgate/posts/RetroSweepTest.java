package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.schoolgate.posts.PostFixtures.addImage;
import static org.schoolgate.posts.PostFixtures.draft;
import static org.schoolgate.posts.PostFixtures.tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.PublishedLedger;
import org.schoolgate.channels.simulator.Fault;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.ConsentNightly;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.Severity;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.StaffUser;
import org.schoolgate.support.Api;
import org.schoolgate.support.Forms;
import org.schoolgate.support.OtherSchool;

/**
 * The retro-sweep (SPEC §2.3): a withdrawal, an expiry or a leaver turns every live post showing the pupil into
 * a high-severity consent conflict with a one-click take-down, and blocks every pending post showing them.
 */
@QuarkusTest
class RetroSweepTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    PublishService publishing;

    @Inject
    PostService posts;

    @Inject
    ConsentNightly nightly;

    @Inject
    PublishedLedger ledger;

    long school;
    PostFixtures.Channels channels;
    Pupil noah;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @BeforeEach
    void setUp() {
        school = PostFixtures.demoSchoolId();
        channels = PostFixtures.channels(world(), cipher, school);
        noah = PostFixtures.pupil(school, "Noah", PostFixtures.uniqueSurname("Wexcombe"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME, Purpose.INSTAGRAM, NameAllowance.FIRST_NAME));
    }

    @AfterEach
    void noFaultsLeft() {
        world().clearFaults();
    }

    long published(String caption, List<Long> channelIds, long pupilId) {
        long id = PostFixtures.approvedPost(caption, channelIds, pupilId);
        assertThat(publishing.publish(id, Instant.now()).result()).isEqualTo("published");
        return id;
    }

    static List<ReviewItem> items(long postId, ReviewKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>list(
                "subjectType = 'post' and subjectId like ?1 and kind = ?2 order by id", postId + ":%", kind));
    }

    @Test
    void aWithdrawalRaisesAConflictPerLivePostBlocksPendingOnesAndLeavesTheRestAlone() {
        long bothChannels = published(PostFixtures.unique("Forest school "), channels.both(), noah.id);
        long facebookOnly = published(PostFixtures.unique("Pond dipping "), List.of(channels.facebook()), noah.id);
        long draftForInstagram = draft("office", "Noah's robot", List.of(channels.instagram()));
        tag("office", draftForInstagram, addImage("office", draftForInstagram, TestImages.phoneJpeg(320, 240, 1)),
                List.of(noah.id), false);
        long awaitingApproval = draft("office", "Coding club", channels.both());
        tag("office", awaitingApproval, addImage("office", awaitingApproval, TestImages.phoneJpeg(320, 240, 1)),
                List.of(noah.id), false);
        PostFixtures.submit("office", awaitingApproval);
        PostFixtures.signOff("staff", awaitingApproval);
        long unrelated = draft("office", "Lunch menu", channels.both());
        assertThat(items(awaitingApproval, ReviewKind.POST_APPROVAL)).singleElement()
                .satisfies(i -> assertThat(i.isOpen()).isTrue());

        Api.as("office").contentType(ContentType.JSON).body(Map.of("withdrawnBy", "Mother, by e-mail",
                "method", "EMAIL")).post("/api/pupils/" + noah.id + "/consents/instagram/withdraw").then().statusCode(200);

        assertThat(items(bothChannels, ReviewKind.CONSENT_CONFLICT)).singleElement().satisfies(i -> {
            assertThat(i.severity).isEqualTo(Severity.HIGH);
            assertThat(i.isOpen()).isTrue();
            assertThat(i.summary).contains("Noah " + noah.surname).contains("withdrew instagram consent");
            assertThat(i.detail).contains("instagram.com");
        });
        assertThat(items(facebookOnly, ReviewKind.CONSENT_CONFLICT)).as("Facebook consent still stands").isEmpty();
        assertThat(PostFixtures.load(bothChannels).status).as("live until a person takes it down")
                .isEqualTo(PostStatus.PUBLISHED);
        for (long pending : List.of(draftForInstagram, awaitingApproval)) {
            Post p = PostFixtures.load(pending);
            assertThat(p.status).isEqualTo(PostStatus.BLOCKED);
            assertThat(p.blockedReason).contains("Noah " + noah.surname + " withdrew instagram consent");
        }
        assertThat(items(awaitingApproval, ReviewKind.POST_APPROVAL)).singleElement()
                .satisfies(i -> assertThat(i.isOpen()).isFalse());
        assertThat(PostFixtures.load(unrelated).status).isEqualTo(PostStatus.DRAFT);
        assertThat(PostFixtures.audit("post.consent-conflict", bothChannels)).isEqualTo(1);
        assertThat(PostFixtures.audit("post.blocked", draftForInstagram)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PostEvent.<PostEvent>list(
                "postId = ?1 and action = 'blocked'", awaitingApproval))).singleElement()
                .satisfies(e -> assertThat(e.consentBlocked).isTrue());
    }

    @Test
    void theHeadteacherTakesALivePostDownInOneClickAndTheRecordIsKept() {
        long id = published(PostFixtures.unique("Egg and spoon race "), channels.both(), noah.id);
        List<PostTarget> live = PostFixtures.targets(id);
        Api.as("office").contentType(ContentType.JSON).body(Map.of("withdrawnBy", "Father", "method", "PHONE"))
                .post("/api/pupils/" + noah.id + "/consents/facebook/withdraw").then().statusCode(200);
        ReviewItem item = items(id, ReviewKind.CONSENT_CONFLICT).get(0);
        Api.as("head").get("/review/" + item.id).then().statusCode(200)
                .body(containsString("href=\"/posts/" + id + "\""));
        Api.as("head").get("/posts/" + id).then().statusCode(200).body(containsString("data-testid=\"take-down\""));

        Forms.as("head").post("/posts/" + id + "/take-down").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/posts/" + id));

        Post p = PostFixtures.load(id);
        assertThat(p.status).isEqualTo(PostStatus.TAKEN_DOWN);
        assertThat(p.takenDownByName).isEqualTo("Helen Head");
        assertThat(PostFixtures.targets(id)).allSatisfy(t -> assertThat(t.status).isEqualTo(PostTarget.Status.TAKEN_DOWN));
        assertThat(world().postsOf(channels.pageId())).extracting(GraphWorld.Post::id)
                .doesNotContain(live.stream().map(t -> t.platformPostId).toArray(String[]::new));
        assertThat(world().mediaOf(channels.igUserId())).isEmpty();
        assertThat(items(id, ReviewKind.CONSENT_CONFLICT)).singleElement().satisfies(i -> {
            assertThat(i.isOpen()).isFalse();
            assertThat(i.resolution).isEqualTo("taken down");
        });
        assertThat(PostFixtures.audit("post.taken-down", id)).isEqualTo(1);
        Api.as("head").get("/api/posts/" + id).then().statusCode(200).body("status", equalTo("TAKEN_DOWN"))
                .body("channels[0].platformPostId", equalTo(live.get(0).platformPostId))
                .body("images.size()", equalTo(1));
        assertThat(live).allSatisfy(t -> assertThat(ledger.isKnown(t.channelId, t.platformPostId))
                .as("polling must not flag our own (deleted) posts").isTrue());
        Api.as("head").contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/take-down")
                .then().statusCode(409);
    }

    @Test
    void aTakeDownThatFailsOnOneChannelSaysSoAndCanBeRepeated() {
        long id = published(PostFixtures.unique("Maypole dancing "), channels.both(), noah.id);
        world().addFault(Fault.graphError(400, 200, null, "(#200) Permissions error").on("DELETE", "").always());
        Api.as("dsl").contentType(ContentType.JSON).body(Map.of("reason", "Parent asked"))
                .post("/api/posts/" + id + "/take-down").then().statusCode(200)
                .body("stillUp.size()", equalTo(2)).body("post.status", equalTo("PUBLISHED"));
        world().clearFaults();
        Api.as("dsl").contentType(ContentType.JSON).body(Map.of("reason", "Parent asked"))
                .post("/api/posts/" + id + "/take-down").then().statusCode(200)
                .body("stillUp.size()", equalTo(0)).body("post.status", equalTo("TAKEN_DOWN"))
                .body("post.takeDownReason", equalTo("Parent asked"));
        Api.as("office").contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/take-down")
                .then().statusCode(403);
    }

    @Test
    void expiryAndLeavingAreSweptByTheNightlyJob() {
        OtherSchool other = OtherSchool.create();
        PostFixtures.Channels theirs = PostFixtures.channels(world(), cipher, other.id);
        LocalDate today = LocalDate.now();
        Pupil expiring = PostFixtures.pupil(other.id, "Isla", PostFixtures.uniqueSurname("Yarrow"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME));
        PostFixtures.consentVersion(expiring.id, Purpose.FACEBOOK, c -> c.expiresOn = today.plusDays(5));
        Pupil leaving = PostFixtures.pupil(other.id, "Henry", PostFixtures.uniqueSurname("Zennor"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME));
        QuarkusTransaction.requiringNew().run(() -> Pupil.<Pupil>findById(leaving.id).leavingDate = today.plusDays(5));
        Who office = who(other, Role.OFFICE);
        long withIsla = publishedBy(other, theirs.facebook(), expiring.id, "Reading challenge");
        long withHenry = publishedBy(other, theirs.facebook(), leaving.id, "Football final");
        Post draftWithHenry = posts.create(other.id, office, new PostService.Draft("Leavers' assembly",
                List.of(theirs.facebook()), null));
        PostImage img = posts.addImage(other.id, draftWithHenry.id, office, TestImages.phoneJpeg(320, 240, 1));
        posts.tag(other.id, draftWithHenry.id, img.id, office, List.of(leaving.id), false);

        ConsentNightly.Result result = nightly.run(other.id, today.plusDays(10));

        assertThat(result.expired()).isEqualTo(1);
        assertThat(result.left()).isEqualTo(1);
        assertThat(items(withIsla, ReviewKind.CONSENT_CONFLICT)).singleElement()
                .satisfies(i -> assertThat(i.summary).contains("Isla " + expiring.surname).contains("expired"));
        assertThat(items(withHenry, ReviewKind.CONSENT_CONFLICT)).singleElement()
                .satisfies(i -> assertThat(i.summary).contains("Henry " + leaving.surname).contains("left the school"));
        assertThat(PostFixtures.load(draftWithHenry.id).status).isEqualTo(PostStatus.BLOCKED);
        assertThat(nightly.run(other.id, today.plusDays(10))).as("idempotent").isEqualTo(new ConsentNightly.Result(0, 0));
        assertThat(items(withIsla, ReviewKind.CONSENT_CONFLICT)).hasSize(1);
    }

    @Test
    void theSubjectAccessExportListsThePostsShowingThePupil() {
        long id = published(PostFixtures.unique("Science fair "), List.of(channels.facebook()), noah.id);
        String permalink = PostFixtures.targets(id).get(0).permalink;
        Api.as("office").get("/api/pupils/" + noah.id + "/export").then().statusCode(200)
                .body("posts.size()", equalTo(1)).body("posts[0].postId", equalTo((int) id))
                .body("posts[0].status", equalTo("published")).body("posts[0].permalinks[0]", equalTo(permalink))
                .body("postsNote", containsString("Every post showing the pupil"));
        Api.as("head").get("/pupils/" + noah.id + "/export").then().statusCode(200)
                .body(containsString("data-testid=\"export-posts\"")).body(containsString(permalink));
    }

    Who who(OtherSchool other, Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StaffUser u = StaffUser.findByEmail(other.email(role)).orElseThrow();
            return new Who(u.id, u.email, u.displayName, java.util.Set.of(role.id()));
        });
    }

    long publishedBy(OtherSchool other, long channelId, long pupilId, String caption) {
        Who office = who(other, Role.OFFICE);
        Post p = posts.create(other.id, office, new PostService.Draft(caption, List.of(channelId), null));
        PostImage img = posts.addImage(other.id, p.id, office, TestImages.phoneJpeg(320, 240, 1));
        posts.tag(other.id, p.id, img.id, office, List.of(pupilId), false);
        posts.submit(other.id, p.id, office);
        posts.signOff(other.id, p.id, who(other, Role.STAFF), PostFixtures.load(p.id).contentHash);
        posts.approve(other.id, p.id, who(other, Role.HEADTEACHER), null);
        assertThat(publishing.publish(p.id, Instant.now()).result()).isEqualTo("published");
        return p.id;
    }
}
