package org.schoolgate.consent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Api;

@QuarkusTest
class ConsentHistoryTest {

    @Inject
    ConsentService consents;

    @Inject
    EventRecorder recorder;

    static Map<String, Object> given(String purpose, String names, String evidence) {
        return Map.of("purpose", purpose, "state", "GRANTED", "givenBy", "PARENT_CARER", "dateGiven", "2025-09-01",
                "method", "PAPER_FORM", "evidenceRef", evidence, "nameAllowance", names, "expiresOn", "2026-08-31");
    }

    @Test
    void everyChangeIsANewVersionAndEarlierVersionsStayAsRecorded() {
        Pupil p = ConsentTestData.pupil("Hana", "History");
        Api.as("office").contentType(ContentType.JSON).body(given("instagram", "FULL_NAME", "F-1"))
                .post("/api/pupils/" + p.id + "/consents").then().statusCode(201).body("version", is(1));
        Api.as("office").contentType(ContentType.JSON).body(given("instagram", "FIRST_NAME", "F-2"))
                .post("/api/pupils/" + p.id + "/consents").then().statusCode(201).body("version", is(2));
        Api.as("office").contentType(ContentType.JSON).body(Map.of("withdrawnBy", "Mother", "method", "PHONE", "note", "called the office"))
                .post("/api/pupils/" + p.id + "/consents/instagram/withdraw").then().statusCode(200)
                .body("version", is(3)).body("state", is("WITHDRAWN")).body("withdrawnBy", is("Mother"))
                .body("evidenceRef", is("F-2"));
        Api.as("head").get("/api/pupils/" + p.id + "/consents").then().statusCode(200)
                .body("", hasSize(3))
                .body("[0].state", is("GRANTED")).body("[0].nameAllowance", is("FULL_NAME")).body("[0].evidenceRef", is("F-1"))
                .body("[1].nameAllowance", is("FIRST_NAME"))
                .body("[2].withdrawalMethod", is("PHONE"));
        Api.as("head").get("/api/pupils/" + p.id).then().body("consents[0].state", is("WITHDRAWN"));
        assertEquals(2, ConsentTestData.auditCount("consent.recorded", p.id));
        assertEquals(1, ConsentTestData.auditCount("consent.withdrawn", p.id));
    }

    @Test
    void theDatabaseRefusesToOverwriteOrDeleteAVersion() {
        Pupil p = ConsentTestData.pupil("Ivy", "Immutable");
        ConsentRecord r = ConsentTestData.granted(p, "facebook", null);
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> ConsentRecord.getEntityManager()
                .createNativeQuery("update consent_record set state = 'REFUSED' where id = " + r.id).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> ConsentRecord.getEntityManager()
                .createNativeQuery("delete from consent_record where id = " + r.id).executeUpdate()));
        QuarkusTransaction.requiringNew().run(() -> {
            ConsentRecord loaded = ConsentRecord.findById(r.id);
            loaded.state = ConsentState.REFUSED; // ignored: the entity is immutable
        });
        assertEquals(ConsentState.GRANTED, QuarkusTransaction.requiringNew()
                .call(() -> ConsentRecord.<ConsentRecord>findById(r.id).state));
    }

    @Test
    void withdrawalFiresTheEventThePostsSweepWillObserve() {
        Pupil p = ConsentTestData.pupil("Wes", "Withdraw");
        ConsentTestData.granted(p, "facebook", null);
        Api.as("office").contentType(ContentType.JSON).body(Map.of("withdrawnBy", "Father", "method", "LETTER"))
                .post("/api/pupils/" + p.id + "/consents/facebook/withdraw").then().statusCode(200);
        ConsentEvents.ConsentWithdrawn e = recorder.of(ConsentEvents.ConsentWithdrawn.class).stream()
                .filter(w -> w.pupilId() == p.id).findFirst().orElseThrow();
        assertEquals("facebook", e.purpose());
        assertEquals(ConsentTestData.demoSchoolId(), e.schoolId());
        assertEquals("Father", e.withdrawnBy());
    }

    @Test
    void onlyACurrentConsentCanBeWithdrawn() {
        Pupil p = ConsentTestData.pupil("Nat", "Nothing");
        Api.as("office").contentType(ContentType.JSON).body(Map.of("withdrawnBy", "Mother", "method", "PHONE"))
                .post("/api/pupils/" + p.id + "/consents/instagram/withdraw").then().statusCode(400)
                .body("detail", is("There is no current Instagram consent to withdraw"));
    }

    @Test
    void consentWithoutDateOrMethodIsRefusedBecauseItMustBeWritten() {
        Pupil p = ConsentTestData.pupil("Ned", "Nodate");
        Api.as("office").contentType(ContentType.JSON).body(Map.of("purpose", "facebook", "state", "GRANTED"))
                .post("/api/pupils/" + p.id + "/consents").then().statusCode(400).body("detail", containsString("written consent"));
        Api.as("office").contentType(ContentType.JSON).body(Map.of("purpose", "tiktok", "state", "REFUSED"))
                .post("/api/pupils/" + p.id + "/consents").then().statusCode(400).body("detail", containsString("Unknown"));
    }

    @Test
    void aRefusalIsRecordedAndAllowsNoName() {
        Pupil p = ConsentTestData.pupil("Rae", "Refused");
        Api.as("office").contentType(ContentType.JSON)
                .body(Map.of("purpose", "press", "state", "REFUSED", "nameAllowance", "FULL_NAME"))
                .post("/api/pupils/" + p.id + "/consents").then().statusCode(201).body("nameAllowance", is("NONE"));
    }

    @Test
    void theServiceCheckIsWhatPostsCall() {
        Pupil ava = ConsentTestData.pupil("Ava", "Checkservice");
        Pupil ben = ConsentTestData.pupil("Ben", "Checkservice");
        ConsentTestData.granted(ava, "facebook", LocalDate.of(2099, 8, 31));
        ConsentTestData.granted(ava, "instagram", LocalDate.of(2099, 8, 31));
        ConsentTestData.granted(ben, "facebook", LocalDate.of(2020, 8, 31));
        ConsentDecision d = consents.check(ConsentTestData.demoSchoolId(), List.of(ava.id, ben.id),
                List.of("facebook", "instagram"), Instant.now());
        assertFalse(d.allowed());
        assertEquals(List.of("Ben Checkservice: Facebook consent expired (last day 31 August 2020)",
                "Ben Checkservice: no Instagram consent"), d.reasons());
        assertEquals("Ava Checkservice: first name only", d.names().get(0).words());
        assertTrue(consents.check(ConsentTestData.demoSchoolId(), List.of(ava.id), List.of("facebook"), Instant.now()).allowed());
    }

    @Test
    void subjectAccessExportHasEveryVersionAndIsAudited() {
        Pupil p = ConsentTestData.pupil("Sara", "Export");
        ConsentTestData.granted(p, "website", null);
        ConsentTestData.granted(p, "website", LocalDate.of(2026, 8, 31));
        Api.as("head").get("/api/pupils/" + p.id + "/export").then().statusCode(200)
                .body("pupil.misId", is(p.misId)).body("consentVersions", hasSize(2))
                .body("consentVersions[1].version", is(2)).body("school", is("Demo Primary School"));
        Api.as("office").get("/pupils/" + p.id + "/export").then().statusCode(200)
                .body(containsString("Subject-access export")).body(containsString("data-testid=\"export-consents\""));
        assertEquals(2, ConsentTestData.auditCount("pupil.exported", p.id));
    }
}
