package org.schoolgate.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.review.NewReviewItem;
import org.schoolgate.review.ReviewKind;
import org.schoolgate.review.ReviewService;
import org.schoolgate.review.Severity;
import org.schoolgate.support.Api;
import org.schoolgate.support.Forms;
import org.schoolgate.support.OtherSchool;

/** A user of one school can neither see nor change another school's data, through any page or endpoint. */
@QuarkusTest
class TenantIsolationTest {

    @Inject
    ReviewService review;

    OtherSchool other;
    long otherItem;

    @BeforeEach
    void otherSchoolWithAnItem() {
        other = OtherSchool.create();
        otherItem = QuarkusTransaction.requiringNew().call(() -> review.raise(new NewReviewItem(other.id,
                ReviewKind.CHANNEL_PROBLEM, Severity.HIGH, "test", other.prefix, null,
                "Secret trouble at " + other.prefix, null)).orElseThrow().id);
    }

    @Test
    void reviewItemsOfAnotherSchoolAreInvisible() {
        Api.as("head").get("/api/review").then().statusCode(200)
                .body("summary", everyItem(not(equalTo("Secret trouble at " + other.prefix))));
        Api.as("head").get("/api/review/" + otherItem).then().statusCode(404);
        Api.as("head").get("/review/" + otherItem).then().statusCode(404);
        Api.as("head").contentType("application/json")
                .body("{\"resolution\":\"dismissed\",\"version\":0}")
                .post("/api/review/" + otherItem + "/resolve").then().statusCode(404);
        Forms.as("head").formParam("version", 0).formParam("resolution", "dismissed")
                .post("/review/" + otherItem + "/resolve").then().statusCode(404);
        other.as(Role.HEADTEACHER).get("/api/review/" + otherItem).then().statusCode(200);
    }

    @Test
    void askingForAnotherSchoolIsRefused() {
        Api.as("head").header(CurrentUser.SCHOOL_HEADER, Long.toString(other.id)).get("/api/review")
                .then().statusCode(403);
        Api.as("head").cookie(CurrentUser.SCHOOL_COOKIE, Long.toString(other.id)).get("/review")
                .then().statusCode(403);
    }

    @Test
    void adminsSeeAndChangeOnlyTheirOwnSchoolsStaff() {
        long otherOffice = QuarkusTransaction.requiringNew().call(() -> StaffUser.findByEmail(other.email(Role.OFFICE))
                .orElseThrow().id);
        List<String> emails = Api.as("admin").get("/api/staff").then().statusCode(200).extract().jsonPath()
                .getList("email");
        assertThat(emails).contains("office@demo.school").noneMatch(e -> e.endsWith("@other.school"));
        Api.as("admin").get("/admin/staff/" + otherOffice).then().statusCode(404);
        Forms.as("admin").formParam("name", "Hijacked").formParam("roles", "admin").formParam("active", "true")
                .post("/admin/staff/" + otherOffice).then().statusCode(404);
        String name = QuarkusTransaction.requiringNew().call(() -> StaffUser.<StaffUser>findById(otherOffice).displayName);
        assertThat(name).isEqualTo("Other Office staff");
        Forms.as("admin").formParam("id", other.id).formParam("name", "Renamed").post("/admin/schools")
                .then().statusCode(404);
    }

    @Test
    void auditEventsOfAnotherSchoolAreInvisible() {
        List<String> details = Api.as("head").queryParam("limit", 1000).get("/api/audit").then().statusCode(200)
                .extract().jsonPath().getList("details");
        assertThat(details).noneMatch(d -> d != null && d.contains("Secret trouble at " + other.prefix));
        List<String> theirs = other.as(Role.HEADTEACHER).queryParam("limit", 1000).get("/api/audit").then()
                .statusCode(200).extract().jsonPath().getList("details");
        assertThat(theirs).anyMatch(d -> d != null && d.contains("Secret trouble at " + other.prefix));
    }

    @Test
    void staffCreatedByAnAdminJoinOnlyTheAdminsSchool() {
        String email = "new-" + other.prefix + "@demo.school";
        Api.as("admin").contentType("application/json").body("""
                {"name":"New Colleague","email":"%s","roles":["staff"],"password":"a-long-password"}""".formatted(email))
                .post("/api/staff").then().statusCode(201);
        other.as(Role.ADMIN).get("/api/staff").then().statusCode(200)
                .body("email", everyItem(not(equalTo(email))));
    }
}
