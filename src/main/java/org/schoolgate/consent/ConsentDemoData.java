package org.schoolgate.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.schoolgate.demo.DemoSchoolSeeded;
import org.schoolgate.staff.School;

/**
 * Thirty pupils for the demo school with a realistic mix: most may appear on Facebook and the
 * website with their first name, several have no Instagram consent, one withdrew Instagram, one
 * expires soon, one refused press, and one has left.
 */
@ApplicationScoped
public class ConsentDemoData {

    static final String OFFICE = "office@demo.school";

    static final List<String[]> PUPILS = List.of(
            new String[] {"Ava", "Smith"}, new String[] {"Oliver", "Jones"}, new String[] {"Amelia", "Taylor"},
            new String[] {"Noah", "Brown"}, new String[] {"Isla", "Williams"}, new String[] {"George", "Wilson"},
            new String[] {"Mia", "Johnson"}, new String[] {"Leo", "Davies"}, new String[] {"Freya", "Robinson"},
            new String[] {"Arthur", "Wright"}, new String[] {"Lily", "Thompson"}, new String[] {"Oscar", "Evans"},
            new String[] {"Grace", "Walker"}, new String[] {"Harry", "White"}, new String[] {"Sophia", "Roberts"},
            new String[] {"Jack", "Green"}, new String[] {"Ella", "Hall"}, new String[] {"Charlie", "Wood"},
            new String[] {"Evie", "Jackson"}, new String[] {"Muhammad", "Clarke"}, new String[] {"Poppy", "Hughes"},
            new String[] {"Theo", "Edwards"}, new String[] {"Ivy", "Turner"}, new String[] {"Alfie", "Hill"},
            new String[] {"Rosie", "Moore"}, new String[] {"Freddie", "Cooper"}, new String[] {"Willow", "Ward"},
            new String[] {"Archie", "Morris"}, new String[] {"Daisy", "King"}, new String[] {"Henry", "Baker"});

    @Inject
    Clock clock;

    void seed(@Observes DemoSchoolSeeded seeded) {
        long schoolId = seeded.schoolId();
        School school = School.findById(schoolId);
        LocalDate today = LocalDate.now(clock.withZone(school.zone()));
        Instant now = Instant.now(clock);
        LocalDate yearEnd = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear(), 8, 31);
        ConsentPurpose prospectus = new ConsentPurpose();
        prospectus.schoolId = schoolId;
        prospectus.code = "prospectus";
        prospectus.label = "Prospectus";
        prospectus.createdAt = now;
        prospectus.persist();
        for (int i = 0; i < PUPILS.size(); i++) {
            Pupil p = new Pupil();
            p.schoolId = schoolId;
            p.misId = "D" + (1001 + i);
            p.firstName = PUPILS.get(i)[0];
            p.surname = PUPILS.get(i)[1];
            p.preferredName = i == 1 ? "Olly" : null;
            p.yearGroup = "Year " + (1 + i % 6);
            p.className = (1 + i % 6) + (i % 2 == 0 ? "A" : "B");
            p.onRollDate = LocalDate.of(today.getYear() - 1 - i % 5, 9, 3);
            p.createdAt = now;
            p.updatedAt = now;
            if (i == 29) {
                // Henry Baker left at the end of last term
                p.leavingDate = today.minusDays(20);
                p.offRoll = true;
            }
            p.persist();
            LocalDate given = today.minusDays(200 - i);
            NameAllowance names = i % 4 == 0 ? NameAllowance.FULL_NAME : i % 5 == 0 ? NameAllowance.NONE : NameAllowance.FIRST_NAME;
            consent(p, Purpose.FACEBOOK, ConsentState.GRANTED, names, given, yearEnd, now);
            consent(p, Purpose.WEBSITE, ConsentState.GRANTED, names, given, yearEnd, now);
            if (i % 3 != 2) {
                // every third pupil has no Instagram consent at all
                LocalDate last = i == 4 ? today.plusDays(10) : yearEnd;
                ConsentRecord ig = consent(p, Purpose.INSTAGRAM, ConsentState.GRANTED, names, given, last, now);
                if (i == 3) {
                    // Noah Brown's parent withdrew Instagram consent by e-mail
                    ConsentRecord w = ig.nextVersion(now, OFFICE, "demo");
                    w.state = ConsentState.WITHDRAWN;
                    w.withdrawnAt = now.minusSeconds(86_400L * 7);
                    w.withdrawnBy = "Parent (e-mail to the office)";
                    w.withdrawalMethod = ConsentMethod.EMAIL;
                    w.persist();
                }
            }
            consent(p, Purpose.PRESS, i == 6 ? ConsentState.REFUSED : ConsentState.GRANTED,
                    i == 6 ? NameAllowance.NONE : NameAllowance.FIRST_NAME, given, yearEnd, now);
        }
    }

    private static ConsentRecord consent(Pupil p, String purpose, ConsentState state, NameAllowance names,
                                         LocalDate given, LocalDate last, Instant now) {
        ConsentRecord r = new ConsentRecord();
        r.schoolId = p.schoolId;
        r.pupilId = p.id;
        r.purpose = purpose;
        r.version = 1;
        r.state = state;
        r.givenBy = GivenBy.PARENT_CARER;
        r.dateGiven = given;
        r.method = ConsentMethod.PAPER_FORM;
        r.evidenceRef = "Form " + p.misId + "/" + given.getYear();
        r.nameAllowance = state == ConsentState.GRANTED ? names : NameAllowance.NONE;
        r.expiresOn = state == ConsentState.GRANTED ? last : null;
        r.recordedAt = now;
        r.recordedBy = OFFICE;
        r.source = "demo";
        r.persist();
        return r;
    }
}
