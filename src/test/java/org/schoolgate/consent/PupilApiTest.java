package org.schoolgate.consent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolgate.support.Api;

@QuarkusTest
class PupilApiTest {

    Map<String, Object> pupilBody(String misId) {
        return Map.of("misId", misId, "firstName", "Ava", "surname", "Apitest", "yearGroup", "Year 3",
                "onRollDate", "2024-09-03");
    }

    @Test
    void officeAddsAPupilAndTheHeadteacherReadsIt() {
        String mis = ConsentTestData.unique("API");
        int id = Api.as("office").contentType(ContentType.JSON).body(pupilBody(mis)).post("/api/pupils")
                .then().statusCode(201).body("misId", is(mis)).extract().path("id");
        Api.as("head").get("/api/pupils/" + id).then().statusCode(200)
                .body("pupil.firstName", is("Ava")).body("pupil.onRollDate", is("2024-09-03")).body("consents", empty());
        Api.as("head").get("/api/pupils?q=" + mis).then().statusCode(200).body("misId", hasItem(mis));
        assertEquals(1, ConsentTestData.auditCount("pupil.added", id));
    }

    @Test
    void officeChangesAPupilAndTheChangeIsAuditedInWords() {
        String mis = ConsentTestData.unique("API");
        int id = Api.as("office").contentType(ContentType.JSON).body(pupilBody(mis)).post("/api/pupils").then()
                .statusCode(201).extract().path("id");
        Api.as("office").contentType(ContentType.JSON)
                .body(Map.of("misId", mis, "firstName", "Ava", "surname", "Smyth", "yearGroup", "Year 4"))
                .put("/api/pupils/" + id).then().statusCode(200).body("surname", is("Smyth"));
        String details = QuarkusTransaction.requiringNew().call(() -> org.schoolgate.audit.AuditEvent
                .<org.schoolgate.audit.AuditEvent>find("action = ?1 and subjectId = ?2", "pupil.changed", Integer.toString(id))
                .firstResult().details);
        assertEquals("surname Apitest → Smyth, year group Year 3 → Year 4, on roll 2024-09-03 → (none)", details);
    }

    @Test
    void thePupilRecordHasOnlyTheMinimalFields() {
        int id = ConsentTestData.pupil("Min", "Imal").id.intValue();
        Map<String, Object> pupil = Api.as("office").get("/api/pupils/" + id).then().statusCode(200).extract().path("pupil");
        assertEquals(List.of("className", "firstName", "id", "leavingDate", "misId", "offRoll", "onRollDate",
                "preferredName", "surname", "yearGroup"), pupil.keySet().stream().sorted().toList());
    }

    @Test
    void aPupilWithoutNamesIsRefusedWithFieldErrors() {
        Api.as("office").contentType(ContentType.JSON).body(Map.of("misId", "x")).post("/api/pupils")
                .then().statusCode(400).body("errors.field", hasItems("firstName", "surname"));
    }

    @Test
    void aSecondPupilWithTheSameMisIdIsRefused() {
        String mis = ConsentTestData.unique("API");
        Api.as("office").contentType(ContentType.JSON).body(pupilBody(mis)).post("/api/pupils").then().statusCode(201);
        Api.as("office").contentType(ContentType.JSON).body(pupilBody(mis)).post("/api/pupils").then().statusCode(400)
                .body("detail", containsString("already on the roster"));
    }

    @Test
    void theHeadteacherReadsButCannotChangeAnything() {
        Pupil p = ConsentTestData.pupil("Read", "Only");
        Api.as("head").contentType(ContentType.JSON).body(pupilBody(ConsentTestData.unique("H"))).post("/api/pupils")
                .then().statusCode(403);
        Api.as("head").contentType(ContentType.JSON).body(pupilBody(p.misId)).put("/api/pupils/" + p.id).then().statusCode(403);
        Api.as("head").contentType(ContentType.JSON).body(Map.of("purpose", "facebook", "state", "GRANTED"))
                .post("/api/pupils/" + p.id + "/consents").then().statusCode(403);
        Api.as("head").contentType(ContentType.JSON).body(Map.of("withdrawnBy", "x", "method", "EMAIL"))
                .post("/api/pupils/" + p.id + "/consents/facebook/withdraw").then().statusCode(403);
        Api.as("head").contentType("text/csv").body("Adno,Forename,Surname\n1,a,b\n".getBytes()).queryParam("fileName", "x.csv").post("/api/pupils/import")
                .then().statusCode(403);
        Api.as("head").get("/api/pupils/" + p.id + "/consents").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staff", "governor", "admin", "dsl"})
    void otherRolesAreRefused(String who) {
        Pupil p = ConsentTestData.pupil("No", "Access");
        Api.as(who).get("/api/pupils").then().statusCode(403);
        Api.as(who).get("/api/pupils/" + p.id).then().statusCode(403);
        Api.as(who).get("/api/pupils/" + p.id + "/export").then().statusCode(403);
        Api.as(who).get("/pupils").then().statusCode(403).body(not(containsString("data-testid=\"pupils\"")));
    }

    @Test
    void pupilsWhoLeftAreFoundOnlyWhenAskedFor() {
        Api.as("office").get("/api/pupils?q=Henry Baker").then().statusCode(200).body("misId", not(hasItem("D1030")));
        Api.as("office").get("/api/pupils?q=Henry Baker&includeLeft=true").then().statusCode(200)
                .body("misId", hasItem("D1030")).body("find { it.misId == 'D1030' }.offRoll", is(true));
    }

    @Test
    void theDemoSchoolHasThirtyPupilsWithAMixOfConsents() {
        List<String> demo = Api.as("office").get("/api/pupils?includeLeft=true&limit=1000").then().statusCode(200)
                .extract().<List<String>>path("misId").stream().filter(m -> m.matches("D10\\d\\d")).toList();
        assertEquals(30, demo.size());
        int noah = Api.as("office").get("/api/pupils?q=D1004").then().extract().path("[0].id");
        int ava = Api.as("office").get("/api/pupils?q=D1001").then().extract().path("[0].id");
        int amelia = Api.as("office").get("/api/pupils?q=D1003").then().extract().path("[0].id");
        Api.as("office").contentType(ContentType.JSON)
                .body(Map.of("pupilIds", List.of(ava, noah, amelia), "purposes", List.of("facebook", "instagram")))
                .post("/api/consent/check").then().statusCode(200)
                .body("allowed", is(false))
                .body("reasons", equalTo(List.of("Noah Brown: Instagram consent withdrawn",
                        "Amelia Taylor: no Instagram consent")))
                .body("names[0].words", is("Ava Smith: full name allowed"));
        Api.as("office").get("/api/pupils/renewals").then().statusCode(200).body("pupilName", hasItem("Isla Williams"));
        Api.as("office").get("/api/consent/purposes").then().statusCode(200).body("code", hasItems("facebook", "prospectus"));
    }

    @Test
    void officeAddsASchoolPurposeThatConsentCanThenBeRecordedFor() {
        String label = ConsentTestData.unique("Newsletter ");
        String code = Api.as("office").contentType(ContentType.JSON).body(Map.of("label", label))
                .post("/api/consent/purposes").then().statusCode(201).extract().path("code");
        Pupil p = ConsentTestData.pupil("Nora", "Newsletter");
        Api.as("office").contentType(ContentType.JSON).body(Map.of("purpose", code, "state", "GRANTED",
                "givenBy", "PARENT_CARER", "dateGiven", "2025-09-01", "method", "PAPER_FORM", "nameAllowance", "FIRST_NAME"))
                .post("/api/pupils/" + p.id + "/consents").then().statusCode(201).body("purpose", is(code));
        Api.as("head").contentType(ContentType.JSON).body(Map.of("label", "x")).post("/api/consent/purposes").then().statusCode(403);
    }

    @Test
    void anUnknownPupilIsNotFound() {
        Api.as("office").get("/api/pupils/999999999").then().statusCode(404);
        assertFalse(Api.as("office").get("/api/pupils/999999999").then().extract().contentType().contains("html"));
    }
}
