package org.schoolgate.consent;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.schoolgate.support.Api;

@QuarkusTest
class ConsentNightlyTest {

    @Inject
    ConsentNightly nightly;

    @Inject
    ConsentService consents;

    @Inject
    EventRecorder recorder;

    @Test
    void consentsPastTheirLastDayExpireOnceAndTheEventIsFired() {
        long school = ConsentTestData.demoSchoolId();
        LocalDate today = consents.today(school);
        Pupil lapsed = ConsentTestData.pupil("Lapsed", "Nightly");
        Pupil lastDay = ConsentTestData.pupil("Lastday", "Nightly");
        ConsentTestData.granted(lapsed, "website", today.minusDays(1));
        ConsentTestData.granted(lastDay, "website", today);

        nightly.run(school, today);
        assertEquals(ConsentState.EXPIRED, consents.current(school, lapsed.id).get("website").state);
        assertEquals(2, consents.current(school, lapsed.id).get("website").version);
        assertEquals(ConsentState.GRANTED, consents.current(school, lastDay.id).get("website").state,
                "the last day itself is still covered");
        assertTrue(recorder.of(ConsentEvents.ConsentExpired.class).stream()
                .anyMatch(e -> e.pupilId() == lapsed.id && e.purpose().equals("website")));
        assertEquals(1, ConsentTestData.auditCount("consent.expired", lapsed.id));

        nightly.run(school, today);
        assertEquals(2, consents.history(school, lapsed.id).size(), "a second run appends nothing");
    }

    @Test
    void pupilsPastTheirLeavingDateGoOffRollAndTheEventIsFired() {
        long school = ConsentTestData.demoSchoolId();
        LocalDate today = consents.today(school);
        Pupil leaver = ConsentTestData.pupil("Leaver", "Nightly");
        Pupil stays = ConsentTestData.pupil("Stays", "Nightly");
        QuarkusTransaction.requiringNew().run(() -> {
            Pupil.update("leavingDate = ?1 where id = ?2", today.minusDays(1), leaver.id);
            Pupil.update("leavingDate = ?1 where id = ?2", today, stays.id);
        });
        nightly.run(school, today);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Pupil.<Pupil>findById(leaver.id).offRoll));
        assertTrue(!QuarkusTransaction.requiringNew().call(() -> Pupil.<Pupil>findById(stays.id).offRoll));
        assertEquals(1, recorder.of(ConsentEvents.PupilLeft.class).stream().filter(e -> e.pupilId() == leaver.id).count());
        nightly.run(school, today);
        assertEquals(1, recorder.of(ConsentEvents.PupilLeft.class).stream().filter(e -> e.pupilId() == leaver.id).count());
        Api.as("office").get("/api/pupils?q=Leaver Nightly").then().body("id", not(hasItem(leaver.id.intValue())));
    }

    @Test
    void renewalsDueListConsentsEndingWithinTheWindow() {
        long school = ConsentTestData.demoSchoolId();
        LocalDate today = consents.today(school);
        Pupil soon = ConsentTestData.pupil("Soon", "Renewal");
        Pupil later = ConsentTestData.pupil("Later", "Renewal");
        ConsentTestData.granted(soon, "press", today.plusDays(30));
        ConsentTestData.granted(later, "press", today.plusDays(31));
        Api.as("office").get("/api/pupils/renewals").then().statusCode(200)
                .body("pupilName", hasItem("Soon Renewal")).body("pupilName", not(hasItem("Later Renewal")));
        Api.as("office").get("/api/pupils/renewals?days=31").then().body("pupilName", hasItem("Later Renewal"));
    }
}
