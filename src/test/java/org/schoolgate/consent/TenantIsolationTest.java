package org.schoolgate.consent;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolgate.staff.Role;
import org.schoolgate.support.Api;

/** School B's office must not see or change school A's (the demo school's) pupils or consents. */
@QuarkusTest
class TenantIsolationTest {

    @Inject
    ConsentService consents;

    String other;
    long otherSchool;
    Pupil demoPupil;

    @BeforeEach
    void twoSchools() {
        other = ConsentTestData.unique("office-") + "@other.school";
        otherSchool = ConsentTestData.otherSchoolWithUser(other, Role.OFFICE);
        demoPupil = ConsentTestData.pupil("Tess", "Tenant");
        ConsentTestData.granted(demoPupil, "instagram", null);
    }

    @Test
    void anotherSchoolsPupilIsNotFoundThroughTheApi() {
        String base = "/api/pupils/" + demoPupil.id;
        ConsentTestData.as(other).get(base).then().statusCode(404);
        ConsentTestData.as(other).get(base + "/consents").then().statusCode(404);
        ConsentTestData.as(other).get(base + "/export").then().statusCode(404);
        ConsentTestData.as(other).contentType(ContentType.JSON)
                .body(Map.of("misId", "X", "firstName", "Evil", "surname", "Edit")).put(base).then().statusCode(404);
        ConsentTestData.as(other).contentType(ContentType.JSON).body(Map.of("purpose", "facebook", "state", "REFUSED"))
                .post(base + "/consents").then().statusCode(404);
        ConsentTestData.as(other).contentType(ContentType.JSON).body(Map.of("withdrawnBy", "x", "method", "EMAIL"))
                .post(base + "/consents/instagram/withdraw").then().statusCode(404);
        ConsentTestData.as(other).get("/api/pupils?includeLeft=true&q=Tenant").then().statusCode(200)
                .body("id", not(hasItem(demoPupil.id.intValue())));
        Api.as("office").get(base + "/consents").then().statusCode(200).body("size()", is(1));
    }

    @Test
    void anotherSchoolsPupilIsNotFoundThroughThePages() {
        ConsentTestData.as(other).get("/pupils/" + demoPupil.id).then().statusCode(404);
        ConsentTestData.as(other).get("/pupils/" + demoPupil.id + "/export").then().statusCode(404);
        ConsentTestData.as(other).cookie("csrf", "t").formParam("_csrf", "t").formParam("withdrawnBy", "x")
                .formParam("method", "EMAIL").redirects().follow(false)
                .post("/pupils/" + demoPupil.id + "/consents/instagram/withdraw").then().statusCode(404);
        Api.as("office").get("/api/pupils/" + demoPupil.id).then().body("consents[0].state", is("GRANTED"));
    }

    @Test
    void theCheckRefusesAnotherSchoolsPupilAsUnknown() {
        ConsentDecision d = consents.check(otherSchool, List.of(demoPupil.id), List.of("instagram"), Instant.now());
        assertEquals(List.of("Pupil " + demoPupil.id + " is not on this school's roll"), d.reasons());
    }

    @Test
    void anotherSchoolsImportCannotBePreviewedOrApplied() {
        int id = Api.as("office").contentType("text/csv").body(("Adno,Forename,Surname\n" + ConsentTestData.unique("TI")
                        + ",Ann,Other\n").getBytes(StandardCharsets.UTF_8)).queryParam("fileName", "a.csv").post("/api/pupils/import").then().statusCode(200)
                .extract().path("importId");
        ConsentTestData.as(other).contentType("application/json").post("/api/pupils/import/" + id + "/apply").then().statusCode(404);
        ConsentTestData.as(other).get("/pupils/import/" + id).then().statusCode(404);
    }

    @Test
    void theSameMisIdInAnotherSchoolIsAnotherPupil() {
        int id = ConsentTestData.as(other).contentType("text/csv")
                .body(("Adno,Forename,Surname,Instagram\n" + demoPupil.misId + ",Someone,Else,no\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/pupils/import").then().statusCode(200).body("added", is(1)).extract().path("importId");
        ConsentTestData.as(other).contentType("application/json").post("/api/pupils/import/" + id + "/apply").then().statusCode(200);
        Api.as("office").get("/api/pupils/" + demoPupil.id).then().body("pupil.firstName", is("Tess"))
                .body("consents[0].state", is("GRANTED"));
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> Pupil.count("misId", demoPupil.misId)));
    }
}
