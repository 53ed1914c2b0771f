package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.schoolgate.posts.PostFixtures.addImage;
import static org.schoolgate.posts.PostFixtures.approve;
import static org.schoolgate.posts.PostFixtures.draft;
import static org.schoolgate.posts.PostFixtures.hash;
import static org.schoolgate.posts.PostFixtures.signOff;
import static org.schoolgate.posts.PostFixtures.submit;
import static org.schoolgate.posts.PostFixtures.tag;
import static org.schoolgate.posts.PostFixtures.who;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.PublishedLedger;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewStatus;
import org.schoolgate.staff.Role;
import org.schoolgate.support.Api;
import org.schoolgate.support.OtherSchool;

/** Every state transition of a post through the JSON API, with the rules that guard each one. */
@QuarkusTest
class PostWorkflowTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    PublishService publishing;

    @Inject
    PublishedLedger ledger;

    long school;
    PostFixtures.Channels channels;
    Pupil ava;
    Pupil noInstagram;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @BeforeEach
    void setUp() {
        school = PostFixtures.demoSchoolId();
        channels = PostFixtures.channels(world(), cipher, school);
        ava = PostFixtures.pupil(school, "Ava", PostFixtures.uniqueSurname("Pemberton"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME, Purpose.INSTAGRAM, NameAllowance.FIRST_NAME));
        noInstagram = PostFixtures.pupil(school, "Amelia", PostFixtures.uniqueSurname("Tolworth"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FULL_NAME));
    }

    long taggedDraft(String caption, long pupilId) {
        long id = draft("office", caption, channels.both());
        long image = addImage("office", id, TestImages.phoneJpeg(800, 600, 1));
        tag("office", id, image, List.of(pupilId), false);
        return id;
    }

    @Test
    void aPostGoesFromDraftThroughSignOffAndApprovalToBothChannels() {
        long id = taggedDraft("Ava won the art prize!", ava.id);
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.DRAFT);
        submit("office", id);
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.AWAITING_SIGN_OFF);
        Api.as("staff").get("/api/posts/sign-off-inbox").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem((int) id));
        Api.as("office").get("/api/posts/sign-off-inbox").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)));
        signOff("staff", id);
        Post signed = PostFixtures.load(id);
        assertThat(signed.status).isEqualTo(PostStatus.AWAITING_APPROVAL);
        assertThat(signed.signedOffByName).isEqualTo("Sam Staff");
        assertThat(signed.signOffValid()).isTrue();
        assertThat(openItems(id, ReviewKind.POST_APPROVAL)).hasSize(1);
        Api.as("head").get("/api/posts/approval-queue").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) id));
        approve("head", id);
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.APPROVED);
        assertThat(openItems(id, ReviewKind.POST_APPROVAL)).isEmpty();

        assertThat(publishing.publish(id, Instant.now()).result()).isEqualTo("published");

        Post published = PostFixtures.load(id);
        assertThat(published.status).isEqualTo(PostStatus.PUBLISHED);
        List<PostTarget> targets = PostFixtures.targets(id);
        assertThat(targets).allSatisfy(t -> {
            assertThat(t.status).isEqualTo(PostTarget.Status.PUBLISHED);
            assertThat(t.platformPostId).isNotBlank();
            assertThat(t.permalink).startsWith("https://www.");
            assertThat(t.reconciled).isFalse();
        });
        assertThat(world().postsOf(channels.pageId())).extracting(GraphWorld.Post::message)
                .containsExactly("Ava won the art prize!");
        assertThat(world().mediaOf(channels.igUserId())).extracting(GraphWorld.Media::caption)
                .containsExactly("Ava won the art prize!");
        assertThat(targets).allSatisfy(t -> assertThat(ledger.isKnown(t.channelId, t.platformPostId)).isTrue());
        assertThat(PostFixtures.history(id)).containsSubsequence("drafted", "edited", "edited", "submitted",
                "signed-off", "approved", "published-to-channel", "published-to-channel", "published");
        for (String action : List.of("post.drafted", "post.submitted", "post.signed-off", "post.approved",
                "post.published")) {
            assertThat(PostFixtures.audit(action, id)).as(action).isEqualTo(1);
        }
        assertThat(PostFixtures.audit("post.published-to-channel", id)).isEqualTo(2);
        Api.as("head").get("/api/posts/" + id + "/history").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItems("signed-off", "approved", "published"));
    }

    @Test
    void theAuthorCannotSignOffTheirOwnPostEvenWithAColleaguesRole() {
        String officeAndStaff = PostFixtures.staff(school, "Olly Office-and-Staff", Role.OFFICE, Role.STAFF);
        long id = draft(officeAndStaff, "Harvest festival", List.of(channels.facebook()));
        long image = addImage(officeAndStaff, id, TestImages.phoneJpeg(400, 300, 1));
        tag(officeAndStaff, id, image, List.of(), true);
        submit(officeAndStaff, id);
        who(officeAndStaff).contentType(ContentType.JSON).body(Map.of("contentHash", hash(officeAndStaff, id)))
                .post("/api/posts/" + id + "/sign-off").then().statusCode(403)
                .body("detail", containsString("You wrote this post"));
        Api.as("office").contentType(ContentType.JSON).body(Map.of("contentHash", hash("office", id)))
                .post("/api/posts/" + id + "/sign-off").then().statusCode(200);
    }

    @Test
    void aSignOffIsBoundToTheContentReadAndAnEditVoidsIt() {
        long id = taggedDraft("Sports day tomorrow", ava.id);
        submit("office", id);
        String seen = hash("staff", id);
        Api.as("office").contentType(ContentType.JSON)
                .body(Map.of("caption", "Sports day on Friday", "channelIds", channels.both()))
                .put("/api/posts/" + id).then().statusCode(200);
        Api.as("staff").contentType(ContentType.JSON).body(Map.of("contentHash", seen))
                .post("/api/posts/" + id + "/sign-off").then().statusCode(403)
                .body("detail", containsString("changed while you were reading"));

        signOff("staff", id);
        Api.as("office").contentType(ContentType.JSON)
                .body(Map.of("caption", "Sports day on Friday!", "channelIds", channels.both()))
                .put("/api/posts/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_SIGN_OFF")).body("signOffValid", equalTo(false))
                .body("signedOffBy", org.hamcrest.Matchers.nullValue());
        assertThat(PostFixtures.history(id)).containsSubsequence("signed-off", "edited", "sign-off-voided");
        assertThat(PostFixtures.audit("post.sign-off-voided", id)).isEqualTo(1);
        assertThat(openItems(id, ReviewKind.POST_APPROVAL)).as("the approval item went with the sign-off").isEmpty();
        Api.as("head").contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/approve")
                .then().statusCode(409);

        signOff("staff", id);
        approve("head", id);
        assertThat(PostFixtures.load(id).approvedHash).isEqualTo(PostFixtures.load(id).contentHash);

        // an edit after approval, before it went out: back to a colleague, and the job leaves it alone
        Api.as("office").contentType(ContentType.JSON)
                .body(Map.of("caption", "Sports day moved to Monday", "channelIds", channels.both()))
                .put("/api/posts/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_SIGN_OFF")).body("approvedBy", org.hamcrest.Matchers.nullValue());
        assertThat(publishing.runDue(Instant.now())).extracting(PublishService.Outcome::postId).doesNotContain(id);
        assertThat(world().postsOf(channels.pageId())).isEmpty();
    }

    @Test
    void everyPartOfTheContentVoidsTheSignOff() {
        long id = taggedDraft("Class assembly", ava.id);
        submit("office", id);
        signOff("staff", id);
        long image = imageOf(id);
        tag("office", id, image, List.of(), true);
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.AWAITING_SIGN_OFF);
        assertThat(PostFixtures.load(id).signOffValid()).isFalse();

        signOff("staff", id);
        Api.as("office").contentType(ContentType.JSON).body(Map.of("caption", "Class assembly",
                        "channelIds", List.of(channels.facebook()), "scheduledAt", "2031-06-01T09:00:00Z"))
                .put("/api/posts/" + id).then().statusCode(200).body("status", equalTo("AWAITING_SIGN_OFF"));
        assertThat(PostFixtures.history(id)).filteredOn("sign-off-voided"::equals).hasSize(2);
    }

    long imageOf(long postId) {
        return QuarkusTransaction.requiringNew().call(() -> PostImage.<PostImage>find("postId", postId).firstResult().id);
    }

    @Test
    void theHeadteacherRejectsWithAReasonTheAuthorSeesAndTheDraftComesBack() {
        long id = taggedDraft("Trip to the zoo", ava.id);
        submit("office", id);
        signOff("staff", id);
        Api.as("head").contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/reject")
                .then().statusCode(400);
        Api.as("head").contentType(ContentType.JSON).body(Map.of("reason", "Please add the date of the trip"))
                .post("/api/posts/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("rejectedReason", equalTo("Please add the date of the trip"))
                .body("rejectedBy", equalTo("Helen Head")).body("signOffValid", equalTo(false));
        Api.as("office").get("/api/posts?mine=true").then().statusCode(200)
                .body("find { it.id == " + id + " }.status", equalTo("DRAFT"));
        Api.as("office").get("/posts").then().statusCode(200)
                .body(containsString("Please add the date of the trip"));
        assertThat(PostFixtures.audit("post.rejected", id)).isEqualTo(1);
        submit("office", id);
        assertThat(PostFixtures.load(id).rejectedReason).isNull();
    }

    @Test
    void aHeadteacherWhoWroteThePostCannotApproveItNorCanTheSigner() {
        String headWhoWrites = PostFixtures.staff(school, "Hattie Head-and-Office", Role.HEADTEACHER, Role.OFFICE);
        long id = draft(headWhoWrites, "Governors' visit", List.of(channels.facebook()));
        long image = addImage(headWhoWrites, id, TestImages.phoneJpeg(400, 300, 1));
        tag(headWhoWrites, id, image, List.of(), true);
        submit(headWhoWrites, id);
        signOff("head", id);
        who(headWhoWrites).contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/approve")
                .then().statusCode(403).body("detail", containsString("cannot approve their own post"));
        Api.as("head").contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/approve")
                .then().statusCode(403).body("detail", containsString("You signed this post off"));
        String deputy = PostFixtures.staff(school, "Dee Deputy", Role.HEADTEACHER);
        approve(deputy, id);
    }

    @Test
    void onlyTheRightRolesActAndOnlyInTheRightState() {
        long id = taggedDraft("Choir concert", ava.id);
        Api.as("staff").contentType(ContentType.JSON).body(Map.of("contentHash", hash("staff", id)))
                .post("/api/posts/" + id + "/sign-off").then().statusCode(409)
                .body("detail", containsString("This post is draft"));
        Api.as("staff").contentType(ContentType.JSON).body(Map.of("caption", "x", "channelIds", List.of()))
                .put("/api/posts/" + id).then().statusCode(403);
        Api.as("governor").get("/api/posts/" + id).then().statusCode(403);
        Api.as("admin").get("/api/posts/" + id).then().statusCode(403);
        String otherOffice = PostFixtures.staff(school, "Otto Office", Role.OFFICE);
        who(otherOffice).contentType(ContentType.JSON).body(Map.of("caption", "x", "channelIds", List.of()))
                .put("/api/posts/" + id).then().statusCode(403).body("detail", containsString("Only the author"));
        who(otherOffice).contentType(ContentType.JSON).body("{}").post("/api/posts/" + id + "/submit").then().statusCode(403);
        submit("office", id);
        Api.as("office").contentType(ContentType.JSON).body("{}").post("/api/posts/" + id + "/submit").then().statusCode(409)
                .body("detail", containsString("This post is awaiting sign off"));
        Api.as("head").contentType(ContentType.JSON).body("{}").post("/api/posts/" + id + "/retry").then().statusCode(409);
        Api.as("head").contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/take-down")
                .then().statusCode(409).body("detail", containsString("Nothing of this post is live"));
    }

    @Test
    void anotherSchoolSeesNeitherThePostNorItsPictures() {
        long id = taggedDraft("Nativity play", ava.id);
        long image = imageOf(id);
        OtherSchool other = OtherSchool.create();
        other.as(Role.OFFICE).get("/api/posts/" + id).then().statusCode(404);
        other.as(Role.HEADTEACHER).get("/api/posts/" + id + "/images/" + image).then().statusCode(404);
        other.as(Role.OFFICE).redirects().follow(false).get("/posts/" + id + "/images/" + image).then().statusCode(404);
        other.as(Role.OFFICE).contentType(ContentType.JSON).body(Map.of("caption", "mine now", "channelIds", List.of()))
                .put("/api/posts/" + id).then().statusCode(404);
        Api.as("governor").get("/api/posts/" + id + "/images/" + image).then().statusCode(200)
                .contentType("image/jpeg");
        io.restassured.RestAssured.given().redirects().follow(false).get("/posts/" + id + "/images/" + image)
                .then().statusCode(303);
    }

    @Test
    void aDraftCannotTakeAnotherSchoolsPupilOrChannel() {
        OtherSchool other = OtherSchool.create();
        Pupil theirs = PostFixtures.pupil(other.id, "Zed", PostFixtures.uniqueSurname("Elsewhere"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FULL_NAME));
        long id = draft("office", "Open day", List.of(channels.facebook()));
        long image = addImage("office", id, TestImages.phoneJpeg(400, 300, 1));
        Api.as("office").contentType(ContentType.JSON).body(Map.of("pupilIds", List.of(theirs.id)))
                .put("/api/posts/" + id + "/images/" + image + "/tags").then().statusCode(400)
                .body("detail", containsString("not on this school's roll"));
        long theirChannel = PostFixtures.channels(world(), cipher, other.id).facebook();
        Api.as("office").contentType(ContentType.JSON).body(Map.of("caption", "Open day", "channelIds",
                List.of(theirChannel))).put("/api/posts/" + id).then().statusCode(400);
    }

    static List<ReviewItem> openItems(long postId, ReviewKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>list(
                "subjectType = 'post' and subjectId like ?1 and kind = ?2 and status = ?3", postId + ":%", kind,
                ReviewStatus.OPEN));
    }
}
