package org.schoolgate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Forms;
import org.schoolgate.support.OtherSchool;
import org.schoolgate.staff.Role;

/** The queue's order, its once-per-subject rule and the race between two people acting on one item. */
@QuarkusTest
class ReviewQueueTest {

    @Inject
    ReviewService review;

    OtherSchool school;

    @BeforeEach
    void freshSchool() {
        school = OtherSchool.create();
    }

    private long raise(Severity severity, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> review.raise(new NewReviewItem(school.id,
                ReviewKind.FLAGGED_COMMENT, severity, "comment", subject, 7L, "comment " + subject, null)).orElseThrow().id);
    }

    @Test
    void mostSevereFirstThenOldest() {
        long lowOld = raise(Severity.LOW, "a");
        long highOld = raise(Severity.HIGH, "b");
        long critical = raise(Severity.CRITICAL, "c");
        long highNew = raise(Severity.HIGH, "d");
        List<Integer> ids = school.as(Role.HEADTEACHER).get("/api/review").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertThat(ids).containsExactly((int) critical, (int) highOld, (int) highNew, (int) lowOld);
    }

    @Test
    void aSubjectIsRaisedOnlyOnceEvenAfterItWasResolved() {
        long first = raise(Severity.MEDIUM, "same");
        QuarkusTransaction.requiringNew().run(() -> review.resolve(school.id, first, 0, "t", "dismissed", null));
        boolean again = QuarkusTransaction.requiringNew().call(() -> review.raise(new NewReviewItem(school.id,
                ReviewKind.FLAGGED_COMMENT, Severity.MEDIUM, "comment", "same", null, "again", null)).isPresent());
        assertThat(again).isFalse();
    }

    @Test
    void filtersByKindAndChannel() {
        raise(Severity.LOW, "f1");
        QuarkusTransaction.requiringNew().run(() -> review.raise(new NewReviewItem(school.id, ReviewKind.CHANNEL_PROBLEM,
                Severity.HIGH, "channel", "9", 9L, "token expired", null)));
        school.as(Role.DSL).queryParam("kind", "CHANNEL_PROBLEM").get("/api/review").then().statusCode(200)
                .body("size()", is(1)).body("[0].summary", is("token expired"));
        school.as(Role.DSL).queryParam("channel", 7).get("/api/review").then().statusCode(200)
                .body("size()", is(1)).body("[0].summary", is("comment f1"));
    }

    @Test
    void whenTwoActOnOneItemTheSecondIsToldAndNothingIsOverwritten() {
        long id = raise(Severity.HIGH, "race-" + UUID.randomUUID());
        school.as(Role.HEADTEACHER).contentType("application/json")
                .body("{\"resolution\":\"escalated\",\"note\":\"police\",\"version\":0}")
                .post("/api/review/" + id + "/resolve").then().statusCode(200).body("status", is("RESOLVED"));
        school.as(Role.DSL).contentType("application/json")
                .body("{\"resolution\":\"dismissed\",\"version\":0}")
                .post("/api/review/" + id + "/resolve").then().statusCode(409)
                .contentType("application/problem+json").body("title", is("Someone else got there first"));
        school.as(Role.DSL).get("/api/review/" + id).then().body("resolution", is("escalated"))
                .body("resolvedBy", is(school.email(Role.HEADTEACHER)));
    }

    @Test
    void twoSimultaneousResolutionsLeaveExactlyOneWinner() throws Exception {
        long id = raise(Severity.HIGH, "simultaneous-" + UUID.randomUUID());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> school.as(Role.HEADTEACHER).contentType("application/json")
                    .body("{\"resolution\":\"hidden\",\"version\":0}").post("/api/review/" + id + "/resolve").statusCode());
            var b = pool.submit(() -> school.as(Role.DSL).contentType("application/json")
                    .body("{\"resolution\":\"dismissed\",\"version\":0}").post("/api/review/" + id + "/resolve").statusCode());
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void thePageTellsTheLoserWhoWon() {
        long id = raise(Severity.LOW, "page-race");
        QuarkusTransaction.requiringNew().run(() -> review.resolve(school.id, id, 0, "first@other.school", "dismissed", null));
        var r = Forms.anonymous().auth().preemptive().basic(school.email(Role.HEADTEACHER), OtherSchool.PASSWORD)
                .formParam("version", 0).formParam("resolution", "resolved").post("/review/" + id + "/resolve");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/review/" + id);
        String flash = r.getCookie("flash");
        assertThat(java.net.URLDecoder.decode(flash, java.nio.charset.StandardCharsets.UTF_8))
                .contains("Someone else acted on this item first").contains("first@other.school");
        school.as(Role.HEADTEACHER).get("/review/" + id).then().statusCode(200)
                .body(containsString("Closed as <strong>dismissed</strong>"));
    }

    @Test
    void resolvingIsAudited() {
        long id = raise(Severity.LOW, "audited");
        QuarkusTransaction.requiringNew().run(() -> review.resolve(school.id, id, 0, "x", "dismissed", "false alarm"));
        long n = QuarkusTransaction.requiringNew().call(() -> org.schoolgate.audit.AuditEvent.count(
                "action = 'review.resolved' and subjectId = ?1 and schoolId = ?2", Long.toString(id), school.id));
        assertThat(n).isEqualTo(1);
    }

    @Test
    void anItemLinksToThePageWhereItsSubjectIsDealtWith() {
        long outside = QuarkusTransaction.requiringNew().call(() -> review.raise(new NewReviewItem(school.id,
                ReviewKind.OUT_OF_WORKFLOW_POST, Severity.HIGH, "platform-post", "channel 12 post 3_4", 12L,
                "posted outside", null)).orElseThrow().id);
        school.as(Role.HEADTEACHER).get("/review/" + outside).then().statusCode(200)
                .body(containsString("href=\"/channels/12/posts/3_4\""));
        long unknown = raise(Severity.LOW, "no-link");
        school.as(Role.HEADTEACHER).get("/review/" + unknown).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("subject-link")));
    }
}
