package org.schoolgate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.audit.AuditEvent;
import org.schoolgate.staff.Role;
import org.schoolgate.support.Forms;
import org.schoolgate.support.OtherSchool;

/** The generic actions on a review item: escalate, note, dismiss, close; their records, labels, audit and races. */
@QuarkusTest
class ReviewActionsTest {

    @Inject
    ReviewService review;

    OtherSchool school;

    @BeforeEach
    void freshSchool() {
        school = OtherSchool.create();
    }

    private long raise(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> review.raise(new NewReviewItem(school.id,
                ReviewKind.FLAGGED_COMMENT, Severity.CRITICAL, "comment", subject, null, "watch your back", "threat"))
                .orElseThrow().id);
    }

    private long audits(String action, long itemId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and subjectId = ?2 and schoolId = ?3",
                action, Long.toString(itemId), school.id));
    }

    @Test
    void escalatingToThePoliceKeepsARecordLabelsTheSubjectAndLeavesTheItemOpen() {
        long id = raise("esc-" + UUID.randomUUID());
        school.as(Role.HEADTEACHER).contentType("application/json")
                .body("{\"target\":\"POLICE\",\"reason\":\"threat of violence\",\"reference\":\"CAD 1234\",\"version\":0}")
                .post("/api/review/" + id + "/escalate").then().statusCode(200)
                .body("target", is("POLICE")).body("reference", is("CAD 1234"))
                .body("escalatedBy", is(school.email(Role.HEADTEACHER)));
        school.as(Role.DSL).get("/api/review/" + id).then().body("status", is("OPEN")).body("lastAction", is("escalated"))
                .body("version", is(1));
        school.as(Role.DSL).get("/api/review/escalations").then().body("size()", is(1)).body("[0].reason", is("threat of violence"));
        school.as(Role.DSL).get("/api/review/" + id + "/history").then().body("[0].type", is("escalated"))
                .body("[0].detail", containsString("to the police: threat of violence (reference CAD 1234)"));
        assertThat(audits("review.escalated", id)).isEqualTo(1);
        ReviewLabel label = QuarkusTransaction.requiringNew().call(() -> ReviewLabel.<ReviewLabel>findById(id));
        assertThat(label.abusive).isTrue();
        assertThat(label.source).isEqualTo("escalated");
    }

    @Test
    void aComplaintPassedToTheComplaintsProcedureIsNotLabelledAbusive() {
        long id = raise("complaint-" + UUID.randomUUID());
        school.as(Role.HEADTEACHER).contentType("application/json")
                .body("{\"target\":\"COMPLAINTS\",\"reason\":\"criticism of the lunch menu\",\"version\":0}")
                .post("/api/review/" + id + "/escalate").then().statusCode(200).body("target", is("COMPLAINTS"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReviewLabel.<ReviewLabel>findById(id))).isNull();
        school.as(Role.DSL).get("/api/review/escalations?target=COMPLAINTS").then().body("size()", is(1));
        school.as(Role.DSL).get("/api/review/escalations?target=POLICE").then().body("size()", is(0));
    }

    @Test
    void anEscalationWithoutAReasonOrTargetIsRefused() {
        long id = raise("esc-bad-" + UUID.randomUUID());
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"target\":\"POLICE\",\"version\":0}")
                .post("/api/review/" + id + "/escalate").then().statusCode(400);
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"reason\":\"x\",\"version\":0}")
                .post("/api/review/" + id + "/escalate").then().statusCode(400);
        assertThat(audits("review.escalated", id)).isZero();
    }

    @Test
    void escalationsAndActionsCannotBeChangedOrRemoved() {
        long id = raise("immutable-" + UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> review.escalate(school.id, id, 0, "h", EscalationTarget.DSL, "worry", null));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> Escalation.getEntityManager()
                .createNativeQuery("update escalation set reason = 'nothing' where item_id = " + id).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> ReviewAction.getEntityManager()
                .createNativeQuery("delete from review_action where item_id = " + id).executeUpdate()))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void dismissingAFalsePositiveClosesTheItemAndStoresANotAbusiveLabel() {
        long id = raise("dismiss-" + UUID.randomUUID());
        school.as(Role.DSL).contentType("application/json").body("{\"note\":\"a joke between friends\",\"version\":0}")
                .post("/api/review/" + id + "/dismiss").then().statusCode(200).body("status", is("RESOLVED"))
                .body("resolution", is("dismissed"));
        ReviewLabel label = QuarkusTransaction.requiringNew().call(() -> ReviewLabel.<ReviewLabel>findById(id));
        assertThat(label.abusive).isFalse();
        assertThat(label.decidedBy).isEqualTo(school.email(Role.DSL));
        assertThat(audits("review.resolved", id)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> review.labels(school.id, ReviewKind.FLAGGED_COMMENT)))
                .extracting(l -> l.itemId).containsExactly(id);
    }

    @Test
    void notesNeverConflictAndAreAudited() {
        long id = raise("note-" + UUID.randomUUID());
        school.as(Role.HEADTEACHER).contentType("application/json").body("{\"note\":\"phoned the parent\"}")
                .post("/api/review/" + id + "/notes").then().statusCode(200).body("type", is("note"));
        school.as(Role.DSL).contentType("application/json").body("{\"note\":\"spoke to the class teacher\"}")
                .post("/api/review/" + id + "/notes").then().statusCode(200);
        school.as(Role.DSL).get("/api/review/" + id + "/history").then().body("size()", is(2));
        school.as(Role.DSL).get("/api/review/" + id).then().body("version", is(0));
        assertThat(audits("review.note", id)).isEqualTo(2);
    }

    @Test
    void theSecondOfTwoPeopleIsToldWhoActedAndHow() {
        long id = raise("race-" + UUID.randomUUID());
        school.as(Role.HEADTEACHER).contentType("application/json")
                .body("{\"target\":\"LADO\",\"reason\":\"allegation against a teacher\",\"version\":0}")
                .post("/api/review/" + id + "/escalate").then().statusCode(200);
        school.as(Role.DSL).contentType("application/json").body("{\"version\":0}")
                .post("/api/review/" + id + "/dismiss").then().statusCode(409)
                .contentType("application/problem+json").body("title", is("Someone else got there first"))
                .body("detail", containsString(school.email(Role.HEADTEACHER))).body("detail", containsString("escalated"));
        school.as(Role.DSL).get("/api/review/" + id).then().body("status", is("OPEN"));
        ReviewLabel label = QuarkusTransaction.requiringNew().call(() -> ReviewLabel.<ReviewLabel>findById(id));
        assertThat(label.abusive).isTrue();
    }

    @Test
    void twoSimultaneousEscalationsLeaveExactlyOneRecord() throws Exception {
        long id = raise("simultaneous-" + UUID.randomUUID());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> school.as(Role.HEADTEACHER).contentType("application/json")
                    .body("{\"target\":\"POLICE\",\"reason\":\"a\",\"version\":0}").post("/api/review/" + id + "/escalate").statusCode());
            var b = pool.submit(() -> school.as(Role.DSL).contentType("application/json")
                    .body("{\"target\":\"DSL\",\"reason\":\"b\",\"version\":0}").post("/api/review/" + id + "/escalate").statusCode());
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> Escalation.count("itemId", id))).isEqualTo(1);
    }

    @Test
    void thePagesEscalateAndTellTheLoser() {
        long id = raise("page-" + UUID.randomUUID());
        var r = Forms.anonymous().auth().preemptive().basic(school.email(Role.HEADTEACHER), OtherSchool.PASSWORD)
                .formParam("version", 0).formParam("target", "DSL").formParam("reason", "pupil named in a nasty comment")
                .post("/review/" + id + "/escalate");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/review/" + id);
        var loser = Forms.anonymous().auth().preemptive().basic(school.email(Role.DSL), OtherSchool.PASSWORD)
                .formParam("version", 0).formParam("resolution", "dismissed").post("/review/" + id + "/resolve");
        assertThat(URLDecoder.decode(loser.getCookie("flash"), StandardCharsets.UTF_8))
                .contains("Someone else acted on this item first").contains(school.email(Role.HEADTEACHER));
        school.as(Role.DSL).get("/review/" + id).then().statusCode(200)
                .body(containsString("pupil named in a nasty comment")).body(containsString("Safeguarding concern for the DSL"));
        school.as(Role.DSL).get("/review/escalations").then().statusCode(200)
                .body(containsString("pupil named in a nasty comment"));
        school.as(Role.DSL).get("/").then().statusCode(200).body(containsString("Safeguarding escalations"))
                .body(containsString("/review/escalations?target=DSL"));
    }

    @Test
    void anotherSchoolCannotActOnTheItem() {
        long id = raise("tenant-" + UUID.randomUUID());
        OtherSchool other = OtherSchool.create();
        other.as(Role.HEADTEACHER).contentType("application/json")
                .body("{\"target\":\"POLICE\",\"reason\":\"x\",\"version\":0}").post("/api/review/" + id + "/escalate")
                .then().statusCode(404);
        other.as(Role.HEADTEACHER).get("/api/review/" + id + "/history").then().statusCode(404);
        other.as(Role.HEADTEACHER).get("/api/review/escalations").then().body("size()", is(0));
    }

    @Test
    void anItemAboutACommentTheScanNeverStoredStillOpensWithoutThePanel() {
        long id = raise("999999999");
        school.as(Role.HEADTEACHER).get("/review/" + id).then().statusCode(200)
                .body(containsString("watch your back")).body(org.hamcrest.Matchers.not(containsString("comment-panel")));
    }

    @Test
    void theQueueShowsAgeAndChannelFilter() {
        raise("age-" + UUID.randomUUID());
        school.as(Role.HEADTEACHER).get("/review").then().statusCode(200)
                .body(containsString("data-testid=\"filter-channel\"")).body(containsString("just now"))
                .body(containsString("/js/review.js"));
    }
}
