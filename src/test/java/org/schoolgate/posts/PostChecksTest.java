package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.schoolgate.posts.PostFixtures.addImage;
import static org.schoolgate.posts.PostFixtures.approve;
import static org.schoolgate.posts.PostFixtures.draft;
import static org.schoolgate.posts.PostFixtures.signOff;
import static org.schoolgate.posts.PostFixtures.submit;
import static org.schoolgate.posts.PostFixtures.tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.ChannelStatus;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.ConsentState;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.review.ReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.support.Api;

/** The checks on submit, sign-off, approval and publish: each failure blocks and names pupil, channel or word. */
@QuarkusTest
class PostChecksTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    PublishService publishing;

    long school;
    PostFixtures.Channels channels;
    Pupil ava;
    Pupil amelia;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    @BeforeEach
    void setUp() {
        school = PostFixtures.demoSchoolId();
        channels = PostFixtures.channels(world(), cipher, school);
        ava = PostFixtures.pupil(school, "Ava", PostFixtures.uniqueSurname("Quenby"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME, Purpose.INSTAGRAM, NameAllowance.FIRST_NAME));
        amelia = PostFixtures.pupil(school, "Amelia", PostFixtures.uniqueSurname("Rendle"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FULL_NAME));
    }

    long draftShowing(String caption, List<Long> channelIds, long... pupils) {
        long id = draft("office", caption, channelIds);
        long image = addImage("office", id, TestImages.phoneJpeg(640, 480, 1));
        tag("office", id, image, java.util.Arrays.stream(pupils).boxed().toList(), pupils.length == 0);
        return id;
    }

    static io.restassured.response.ValidatableResponse submitRefused(long id) {
        return Api.as("office").contentType(ContentType.JSON).body("{}").post("/api/posts/" + id + "/submit")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aTaggedPupilWithoutConsentForAChannelBlocksTheSubmitNamingPupilAndChannel() {
        long id = draftShowing("Art week", channels.both(), amelia.id);
        submitRefused(id).body("detail", containsString("Amelia " + amelia.surname + ": no Instagram consent"));
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.DRAFT);
        assertThat(blockedEvents(id)).singleElement().satisfies(e -> assertThat(e.consentBlocked).isTrue());
        assertThat(PostFixtures.audit("post.blocked", id)).isEqualTo(1);
        Api.as("office").get("/api/posts/" + id + "/checks").then().statusCode(200).body("allowed", equalTo(false))
                .body("pupils[0].ok", equalTo(false))
                .body("pupils[0].problems", hasItem(containsString("no Instagram consent")));
        // the same pupil may go on Facebook only
        Api.as("office").contentType(ContentType.JSON).body(Map.of("caption", "Art week", "channelIds",
                List.of(channels.facebook()))).put("/api/posts/" + id).then().statusCode(200);
        submit("office", id);
    }

    @Test
    void consentEndingBeforeTheScheduledTimeBlocks() {
        Pupil leaving = PostFixtures.pupil(school, "Isla", PostFixtures.uniqueSurname("Sorrel"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME));
        PostFixtures.consentVersion(leaving.id, Purpose.FACEBOOK, c -> c.expiresOn = LocalDate.now().plusDays(3));
        long id = draftShowing("Summer fair", List.of(channels.facebook()), leaving.id);
        Api.as("office").contentType(ContentType.JSON).body(Map.of("caption", "Summer fair", "channelIds",
                        List.of(channels.facebook()), "scheduledAt", Instant.now().plusSeconds(86_400L * 10).toString()))
                .put("/api/posts/" + id).then().statusCode(200);
        submitRefused(id).body("detail", containsString("Facebook consent expired"))
                .body("detail", containsString("by the scheduled time"));
    }

    @Test
    void everyPictureNeedsTagsOrTheNoPupilsDeclarationAndInstagramNeedsAPicture() {
        long id = draft("office", "Our new library", channels.both());
        submitRefused(id).body("detail", containsString("Instagram posts need at least one picture"));
        addImage("office", id, TestImages.phoneJpeg(640, 480, 1));
        submitRefused(id).body("detail", containsString("Picture 1: tag the pupils shown, or tick “no identifiable pupils”"));
        long image = QuarkusTransaction.requiringNew().call(() -> PostImage.<PostImage>find("postId", id).firstResult().id);
        Api.as("office").contentType(ContentType.JSON).body(Map.of("pupilIds", List.of(ava.id),
                "noIdentifiablePupils", true)).put("/api/posts/" + id + "/images/" + image + "/tags")
                .then().statusCode(400).body("detail", containsString("not both"));
        tag("office", id, image, List.of(), true);
        submit("office", id);
    }

    @Test
    void theCaptionMayNotNameATaggedPupilBeyondTheirAllowance() {
        long id = draftShowing("Well done Ava " + ava.surname + "!", channels.both(), ava.id);
        submitRefused(id).body("detail", containsString("names Ava " + ava.surname))
                .body("detail", containsString("first name only"));
        assertThat(blockedEvents(id)).singleElement().satisfies(e -> assertThat(e.consentBlocked).isTrue());
        Api.as("office").contentType(ContentType.JSON).body(Map.of("caption", "Well done AVA!", "channelIds",
                channels.both())).put("/api/posts/" + id).then().statusCode(200);
        submit("office", id);
    }

    @Test
    void anUntaggedPupilsFullNameAndPersonalDataBlockTheCaption() {
        long id = draftShowing("Amelia " + amelia.surname + " shows her work. Questions: 07700 900123",
                List.of(channels.facebook()));
        submitRefused(id).body("detail", containsString("the pupil Amelia " + amelia.surname))
                .body("detail", containsString("not tagged"))
                .body("detail", containsString("a phone number (“07700 900123”)"));
        assertThat(blockedEvents(id)).singleElement().satisfies(e -> assertThat(e.consentBlocked)
                .as("a name counts as consent").isTrue());
    }

    @Test
    void personalDataAloneDoesNotCountAsAConsentBlock() {
        long id = draftShowing("Book fair: e-mail bookfair@school.example", List.of(channels.facebook()));
        submitRefused(id).body("detail", containsString("an e-mail address (“bookfair@school.example”)"));
        assertThat(blockedEvents(id)).singleElement().satisfies(e -> assertThat(e.consentBlocked).isFalse());
    }

    @Test
    void theSchoolsOwnPublicContactDetailsSetByTheAdminMayBeInACaption() {
        org.schoolgate.staff.School demo = QuarkusTransaction.requiringNew().call(() ->
                org.schoolgate.staff.School.<org.schoolgate.staff.School>findById(school));
        try {
            org.schoolgate.support.Forms.as("admin").formParam("id", school).formParam("name", demo.name)
                    .formParam("urn", demo.urn == null ? "" : demo.urn).formParam("timezone", demo.timezone)
                    .formParam("publicContacts", "Office: 01632 960000\nadmin@demo-school.example")
                    .post("/admin/schools").then().statusCode(303)
                    .cookie("flash", org.hamcrest.Matchers.startsWith("I"));
            long ours = draftShowing("Book fair on Friday. Questions? Ring the office on 01632 960 000 or e-mail "
                    + "Admin@Demo-School.example", List.of(channels.facebook()));
            submit("office", ours);
            long theirs = draftShowing("Lost property: call 07700 900123", List.of(channels.facebook()));
            submitRefused(theirs).body("detail", containsString("a phone number (“07700 900123”)"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> org.schoolgate.staff.School.update(
                    "publicContacts = null where id = ?1", school));
        }
    }

    @Test
    void aSuspendedOrMonitoredChannelTakesNoPosts() {
        long id = draftShowing("Concert", List.of(channels.facebook()));
        setChannel(channels.facebook(), ChannelStatus.SUSPENDED, ChannelKind.OFFICIAL);
        submitRefused(id).body("detail", containsString("is suspended"));
        setChannel(channels.facebook(), ChannelStatus.ACTIVE, ChannelKind.MONITORED);
        submitRefused(id).body("detail", containsString("is a monitored page"));
        setChannel(channels.facebook(), ChannelStatus.ACTIVE, ChannelKind.OFFICIAL);
        submit("office", id);
    }

    @Test
    void aScheduleInThePastIsRefusedAtSubmit() {
        long id = draftShowing("Yesterday's news", List.of(channels.facebook()));
        Api.as("office").contentType(ContentType.JSON).body(Map.of("caption", "Yesterday's news", "channelIds",
                        List.of(channels.facebook()), "scheduledAt", Instant.now().minusSeconds(3600).toString()))
                .put("/api/posts/" + id).then().statusCode(200);
        submitRefused(id).body("detail", containsString("scheduled time has passed"));
    }

    @Test
    void consentChangedAfterSubmitBlocksTheSignOffAndTheAuthorSeesWhy() {
        long id = draftShowing("Science fair", channels.both(), ava.id);
        submit("office", id);
        refuse(ava.id, Purpose.INSTAGRAM);
        Api.as("staff").contentType(ContentType.JSON).body(Map.of("contentHash", PostFixtures.hash("staff", id)))
                .post("/api/posts/" + id + "/sign-off").then().statusCode(422)
                .body("detail", containsString("Instagram consent refused"));
        Post p = PostFixtures.load(id);
        assertThat(p.status).isEqualTo(PostStatus.BLOCKED);
        assertThat(p.blockedReason).contains("Instagram consent refused");
        Api.as("office").get("/posts").then().statusCode(200).body(containsString("Instagram consent refused"));
        // the author puts it right: Facebook only, which Ava's consent covers
        Api.as("office").contentType(ContentType.JSON).body(Map.of("caption", "Science fair", "channelIds",
                List.of(channels.facebook()))).put("/api/posts/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("blockedReason", org.hamcrest.Matchers.nullValue());
        submit("office", id);
    }

    @Test
    void consentChangedAfterSignOffBlocksTheApproval() {
        long id = draftShowing("Maths week", channels.both(), ava.id);
        submit("office", id);
        signOff("staff", id);
        refuse(ava.id, Purpose.FACEBOOK);
        Api.as("head").contentType(ContentType.JSON).body(Map.of()).post("/api/posts/" + id + "/approve")
                .then().statusCode(422).body("detail", containsString("Facebook consent refused"));
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.BLOCKED);
    }

    @Test
    void theLastCheckBeforePublishingStopsThePostAndTellsTheHeadteacher() {
        long id = draftShowing("Eco club", channels.both(), ava.id);
        submit("office", id);
        signOff("staff", id);
        approve("head", id);
        refuse(ava.id, Purpose.INSTAGRAM);
        assertThat(publishing.publish(id, Instant.now()).result()).startsWith("blocked")
                .contains("Instagram consent refused");
        assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.BLOCKED);
        assertThat(world().postsOf(channels.pageId())).isEmpty();
        assertThat(world().mediaOf(channels.igUserId())).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReviewItem.<ReviewItem>list(
                "subjectType = 'post' and subjectId like ?1 and kind = ?2", id + ":%", ReviewKind.CONSENT_CONFLICT)))
                .singleElement().satisfies(i -> assertThat(i.detail).contains("Instagram consent refused"));
        assertThat(blockedEvents(id)).singleElement().satisfies(e -> assertThat(e.consentBlocked).isTrue());
    }

    /** A new consent version written straight to the table: no event, so only the checks can notice it. */
    static void refuse(long pupilId, String purpose) {
        PostFixtures.consentVersion(pupilId, purpose, c -> {
            c.state = ConsentState.REFUSED;
            c.nameAllowance = NameAllowance.NONE;
        });
    }

    static void setChannel(long id, ChannelStatus status, ChannelKind kind) {
        QuarkusTransaction.requiringNew().run(() -> {
            Channel c = Channel.findById(id);
            c.status = status;
            c.kind = kind;
        });
    }

    static List<PostEvent> blockedEvents(long postId) {
        return QuarkusTransaction.requiringNew().call(() -> PostEvent.<PostEvent>list(
                "postId = ?1 and action = 'blocked'", postId));
    }
}
