package org.schoolgate.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.support.Api;
import org.schoolgate.support.Forms;

/** The pages with their forms (CSRF, redirects with a flash), as a browser posts them. */
@QuarkusTest
class PostPagesTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    PostFixtures.Channels channels;
    Pupil grace;

    @BeforeEach
    void setUp() {
        long school = PostFixtures.demoSchoolId();
        channels = PostFixtures.channels(simulator.running().orElseThrow().world(), cipher, school);
        grace = PostFixtures.pupil(school, "Grace", PostFixtures.uniqueSurname("Pagefield"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME));
    }

    static String flash(Response r) {
        String raw = r.getCookie("flash");
        return raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    static long idFrom(Response r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/posts/(\\d+)").matcher(r.header("Location"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theOfficeDraftsUploadsTagsAndSubmitsThroughTheForms() {
        Api.as("office").get("/posts/new").then().statusCode(200).body(containsString("name=\"_csrf\""));
        Response created = Forms.as("office").formParam("caption", "Reading café opens <script>alert(1)</script>")
                .formParam("channel", channels.facebook()).formParam("scheduledAt", "").post("/posts");
        created.then().statusCode(303).header("Location", containsString("/edit"));
        long id = idFrom(created);

        Response noCsrf = Api.as("office").redirects().follow(false).multiPart("file", "p.jpg",
                TestImages.phoneJpeg(300, 200, 1), "image/jpeg").post("/posts/" + id + "/images");
        assertThat(noCsrf.statusCode()).as("a form without the CSRF token is refused").isEqualTo(403);
        Response uploaded = Api.as("office").redirects().follow(false).cookie("csrf", Forms.TOKEN)
                .multiPart("_csrf", Forms.TOKEN).multiPart("file", "p.jpg", TestImages.phoneJpeg(300, 200, 1), "image/jpeg")
                .post("/posts/" + id + "/images");
        uploaded.then().statusCode(303);
        assertThat(flash(uploaded)).contains("Picture 1 added");
        Response heic = Api.as("office").redirects().follow(false).cookie("csrf", Forms.TOKEN)
                .multiPart("_csrf", Forms.TOKEN).multiPart("file", "p.heic", TestImages.heic(), "image/heic")
                .post("/posts/" + id + "/images");
        assertThat(flash(heic)).startsWith("E").contains("HEIC");

        Api.as("office").queryParam("q", grace.surname).get("/posts/" + id + "/edit").then().statusCode(200)
                .body(containsString("data-testid=\"tag-" + grace.id + "\""))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")).body(not(containsString("<script>alert")));
        long image = imageId(id);
        Forms.as("office").formParam("pupil", grace.id).post("/posts/" + id + "/images/" + image + "/tags")
                .then().statusCode(303);
        Response submitted = Forms.as("office").post("/posts/" + id + "/submit");
        submitted.then().statusCode(303).header("Location", endsWith("/posts/" + id));
        assertThat(flash(submitted)).contains("Submitted");
        Api.as("staff").get("/posts/sign-off").then().statusCode(200).body(containsString("href=\"/posts/" + id + "\""));
        Api.as("staff").get("/posts/" + id).then().statusCode(200)
                .body(containsString("data-testid=\"sign-off\""))
                .body(containsString("Grace " + grace.surname + ": consent OK"))
                .body(containsString("data-testid=\"history-submitted\""));
        Api.as("office").get("/posts/" + id).then().statusCode(200)
                .body(not(containsString("data-testid=\"sign-off\"")))
                .body(containsString("You wrote this post"));
    }

    static long imageId(long postId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                PostImage.<PostImage>find("postId", postId).firstResult().id);
    }

    @Test
    void aRefusedSubmitComesBackToTheDraftWithEveryReason() {
        long id = PostFixtures.draft("office", "Call 01632 960123 about Grace " + grace.surname,
                List.of(channels.facebook(), channels.instagram()));
        Response r = Forms.as("office").post("/posts/" + id + "/submit");
        r.then().statusCode(303).header("Location", endsWith("/posts/" + id + "/edit"));
        assertThat(flash(r)).startsWith("E").contains("Not submitted").contains("a phone number")
                .contains("the pupil Grace " + grace.surname).contains("need at least one picture");
    }

    @Test
    void signOffApproveAndRejectThroughTheForms() {
        long id = PostFixtures.draft("office", "Library week", List.of(channels.facebook()));
        PostFixtures.tag("office", id, PostFixtures.addImage("office", id, TestImages.phoneJpeg(300, 200, 1)),
                List.of(), true);
        PostFixtures.submit("office", id);
        Response stale = Forms.as("staff").formParam("contentHash", "not-what-is-there").post("/posts/" + id + "/sign-off");
        assertThat(flash(stale)).contains("changed while you were reading");
        Response signed = Forms.as("staff").formParam("contentHash", PostFixtures.load(id).contentHash)
                .post("/posts/" + id + "/sign-off");
        assertThat(flash(signed)).contains("Signed off");
        Api.as("head").get("/posts/approval").then().statusCode(200).body(containsString("href=\"/posts/" + id + "\""))
                .body(containsString("Sam Staff"));
        Response empty = Forms.as("head").formParam("reason", " ").formParam("version", PostFixtures.load(id).version)
                .post("/posts/" + id + "/reject");
        assertThat(flash(empty)).startsWith("E").contains("Say why");
        Response rejected = Forms.as("head").formParam("reason", "Too close to the last post")
                .formParam("version", PostFixtures.load(id).version).post("/posts/" + id + "/reject");
        rejected.then().header("Location", endsWith("/posts/approval"));
        Api.as("office").get("/posts").then().statusCode(200)
                .body(containsString("Sent back by Helen Head: Too close to the last post"));
        Api.as("office").get("/posts/" + id + "/edit").then().statusCode(200)
                .body(containsString("Too close to the last post"));
    }

    @Test
    void eachRoleSeesItsTilesAndPages() {
        Api.as("office").get("/").then().statusCode(200).body(containsString("My posts"))
                .body(containsString("Posts to sign off"));
        Api.as("staff").get("/").then().statusCode(200).body(containsString("Posts to sign off"))
                .body(not(containsString("Posts to approve")));
        Api.as("head").get("/").then().statusCode(200).body(containsString("Posts to approve"));
        Api.as("governor").get("/").then().statusCode(200).body(not(containsString("Posts to sign off")));
        Api.as("head").get("/posts").then().statusCode(200).body(containsString("data-testid=\"posts\""));
        Api.as("staff").get("/posts/approval").then().statusCode(403);
        Api.as("admin").get("/posts/sign-off").then().statusCode(403);
    }
}
