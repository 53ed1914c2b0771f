package org.schoolgate.moderation.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.schoolgate.moderation.scan.ScanFixtures.hoursAgo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.review.ReviewService;
import org.schoolgate.staff.Role;
import org.schoolgate.support.Forms;
import org.schoolgate.support.OtherSchool;

/** The scan's API and page: one run at a time, tenancy, the threat alert, the page and its progress fragment. */
@QuarkusTest
class ScanResourceTest {

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    ScanService scans;

    @Inject
    ReviewService review;

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    static long runningRun(long schoolId, Instant lastProgress) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ScanRun r = new ScanRun();
            r.schoolId = schoolId;
            r.trigger = ScanTrigger.ON_DEMAND;
            r.requestedBy = "someone@else.school";
            r.asOf = lastProgress;
            r.startedAt = lastProgress;
            r.lastProgressAt = lastProgress;
            r.status = ScanStatus.RUNNING;
            r.persist();
            return r.id;
        });
    }

    @Test
    void onlyOneScanPerSchoolRunsAtATimeAndADeadOneIsTakenOverWhenStale() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "One at a time");
        s.comment(s.post("Hello", hoursAgo(3)).id(), "Ann", "Thank you!", hoursAgo(2));
        long busy = runningRun(s.schoolId(), Instant.now());

        s.school().as(Role.HEADTEACHER).contentType("application/json").post("/api/scan").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already running"));
        assertThatThrownBy(() -> runningRun(s.schoolId(), Instant.now()))
                .as("the database refuses a second running scan").isInstanceOf(RuntimeException.class);

        QuarkusTransaction.requiringNew().run(() -> {
            ScanRun r = ScanRun.findById(busy);
            r.lastProgressAt = Instant.now().minus(Duration.ofHours(1));
        });
        s.school().as(Role.DSL).contentType("application/json").post("/api/scan").then().statusCode(202)
                .body("status", equalTo("RUNNING")).body("requestedBy", equalTo(s.school().email(Role.DSL)));
        assertThat(scans.awaitIdle(s.schoolId(), 60_000)).isTrue();
        ScanRun dead = ScanFixtures.run(busy);
        assertThat(dead.status).isEqualTo(ScanStatus.ABANDONED);
        assertThat(dead.error).contains("No progress since");
        List<ScanRun> runs = scans.recent(s.schoolId(), 5);
        assertThat(runs.get(0).status).isEqualTo(ScanStatus.COMPLETED);
        assertThat(runs.get(0).commentsNew).isEqualTo(1);
    }

    @Test
    void anotherSchoolSeesNoneOfTheScansOrComments() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "Private page");
        s.comment(s.post("Trip letters", hoursAgo(5)).id(), "Dean Fletcher", CommentScanTest.THREAT, hoursAgo(4));
        ScanRun run = ScanFixtures.scanNow(scans, s.schoolId());
        ScannedComment c = ScanFixtures.stored(s.channelId()).get(0);
        OtherSchool other = OtherSchool.create();

        other.as(Role.HEADTEACHER).get("/api/scan/runs/" + run.id).then().statusCode(404)
                .contentType("application/problem+json");
        other.as(Role.HEADTEACHER).get("/api/scan/comments/" + c.id).then().statusCode(404);
        other.as(Role.DSL).get("/api/scan").then().statusCode(200).body("runs", org.hamcrest.Matchers.empty())
                .body("channels", org.hamcrest.Matchers.empty());
        other.as(Role.DSL).get("/api/scan/comments?flagged=true").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());
        other.as(Role.HEADTEACHER).get("/scan").then().statusCode(200).body(not(containsString("Private page")));
        other.as(Role.HEADTEACHER).get("/").then().statusCode(200).body(not(containsString("Threat in comments")));

        s.school().as(Role.HEADTEACHER).get("/api/scan/comments/" + c.id).then().statusCode(200)
                .body("text", equalTo(CommentScanTest.THREAT)).body("categories", org.hamcrest.Matchers.contains("threat"))
                .body("evidence.verified", equalTo(true)).body("evidence.capturedBy", equalTo("scan"));
        s.school().as(Role.HEADTEACHER).get("/api/scan/runs/" + run.id).then().statusCode(200)
                .body("flagged", equalTo(1));
    }

    @Test
    void aThreatPutsAnAlertOnTheHeadsAndDslsHomePageOnlyUntilItsItemIsClosed() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "Threat alert");
        GraphWorld.Post post = s.post("Nativity tickets", hoursAgo(6));
        s.comment(post.id(), "Kev Wright", "I will kill you", hoursAgo(5));
        s.comment(post.id(), "Dean Fletcher", CommentScanTest.INSULT, hoursAgo(4));
        for (Role r : List.of(Role.HEADTEACHER, Role.DSL)) {
            s.school().as(r).get("/").then().statusCode(200).body(not(containsString("Threat in comments")));
        }

        ScanFixtures.scanNow(scans, s.schoolId());

        ScannedComment threat = ScanFixtures.stored(s.channelId()).stream().filter(c -> c.has(
                org.schoolgate.moderation.Category.THREAT)).findFirst().orElseThrow();
        for (Role r : List.of(Role.HEADTEACHER, Role.DSL)) {
            s.school().as(r).get("/").then().statusCode(200).body(containsString("Threat in comments"))
                    .body(containsString("href=\"/review/" + threat.reviewItemId + "\""))
                    .body(containsString("tile urgent"));
        }
        for (Role r : List.of(Role.OFFICE, Role.STAFF, Role.ADMIN, Role.GOVERNOR)) {
            s.school().as(r).get("/").then().statusCode(200).body(not(containsString("Threat in comments")));
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScannedComment.forReviewItem(s.schoolId(),
                threat.reviewItemId))).get().extracting(c -> c.id).isEqualTo(threat.id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScannedComment.forReviewItem(OtherSchool.create().id,
                threat.reviewItemId))).isEmpty();
        long version = review.get(s.schoolId(), threat.reviewItemId).version;
        review.resolve(s.schoolId(), threat.reviewItemId, version, "head", "police informed", null);
        s.school().as(Role.HEADTEACHER).get("/").then().statusCode(200).body(not(containsString("Threat in comments")));
    }

    @Test
    void theScanPageStartsAScanAndShowsItsProgressAndHistory() throws Exception {
        ScanFixtures.Setup s = ScanFixtures.schoolWithPage(world(), cipher, "Page journey");
        s.comment(s.post("Book week", hoursAgo(8)).id(), "Gary Blunt", CommentScanTest.HATE, hoursAgo(7));
        String head = s.school().email(Role.HEADTEACHER);

        RestAssured.given().auth().preemptive().basic(head, OtherSchool.PASSWORD).get("/scan").then().statusCode(200)
                .body(containsString("Scan comments now")).body(containsString("No scan has run yet"))
                .body(containsString("Test channel " + s.page().pageId()));
        RestAssured.given().auth().preemptive().basic(head, OtherSchool.PASSWORD).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie("csrf", Forms.TOKEN)
                .formParam("_csrf", Forms.TOKEN).post("/scan/start").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/scan"));
        assertThat(scans.awaitIdle(s.schoolId(), 60_000)).isTrue();

        RestAssured.given().auth().preemptive().basic(head, OtherSchool.PASSWORD).get("/scan/progress").then()
                .statusCode(200).body(containsString("Last scan: Completed"))
                .body(containsString("data-testid=\"scan-flagged\">1<"))
                .body(not(containsString("hx-trigger"))).body(not(containsString("<html")));
        long running = runningRun(s.schoolId(), Instant.now());
        RestAssured.given().auth().preemptive().basic(head, OtherSchool.PASSWORD).get("/scan/progress").then()
                .statusCode(200).body(containsString("Scanning…")).body(containsString("hx-trigger=\"every 2s\""));
        RestAssured.given().auth().preemptive().basic(head, OtherSchool.PASSWORD).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").cookie("csrf", Forms.TOKEN)
                .formParam("_csrf", Forms.TOKEN).post("/scan/start").then().statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> ScanRun.deleteById(running));
        RestAssured.given().auth().preemptive().basic(head, OtherSchool.PASSWORD).get("/scan").then().statusCode(200)
                .body(containsString("data-testid=\"scan-runs\"")).body(containsString("On demand (" + head + ")"));
    }
}
