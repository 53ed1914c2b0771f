package org.schoolgate.consent;

import static io.restassured.RestAssured.given;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.schoolgate.demo.DemoData;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.School;
import org.schoolgate.staff.StaffUser;

/** Test data in the domain's words, each with a unique name so that test classes sharing one boot never collide. */
final class ConsentTestData {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private ConsentTestData() {
    }

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    static long demoSchoolId() {
        return QuarkusTransaction.requiringNew().call(() -> School.<School>find("name", DemoData.SCHOOL).firstResult().id);
    }

    /** A pupil of the demo school with a unique MIS id. */
    static Pupil pupil(String first, String surname) {
        return pupilOf(demoSchoolId(), first, surname);
    }

    static Pupil pupilOf(long schoolId, String first, String surname) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Pupil p = new Pupil();
            p.schoolId = schoolId;
            p.misId = unique("T");
            p.firstName = first;
            p.surname = surname;
            p.yearGroup = "Year 5";
            p.createdAt = java.time.Instant.now();
            p.updatedAt = p.createdAt;
            p.persist();
            return p;
        });
    }

    static ConsentRecord granted(Pupil p, String purpose, LocalDate expires) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long versions = ConsentRecord.count("pupilId = ?1 and purpose = ?2", p.id, purpose);
            ConsentRecord r = new ConsentRecord();
            r.schoolId = p.schoolId;
            r.pupilId = p.id;
            r.purpose = purpose;
            r.version = (int) versions + 1;
            r.state = ConsentState.GRANTED;
            r.givenBy = GivenBy.PARENT_CARER;
            r.dateGiven = LocalDate.of(2025, 9, 1);
            r.method = ConsentMethod.PAPER_FORM;
            r.nameAllowance = NameAllowance.FIRST_NAME;
            r.expiresOn = expires;
            r.recordedAt = java.time.Instant.now();
            r.recordedBy = "test";
            r.source = "test";
            r.persist();
            return r;
        });
    }

    /** A second school with its own office user (password "secret-password"), for tenant isolation. */
    static long otherSchoolWithUser(String email, Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            School s = new School();
            s.name = unique("Other School ");
            s.persist();
            StaffUser u = new StaffUser();
            u.email = email;
            u.displayName = "Other " + role.label();
            u.passwordHash = BcryptUtil.bcryptHash("secret-password");
            u.roles = EnumSet.of(role);
            u.schools.add(s);
            u.persist();
            return s.id;
        });
    }

    static RequestSpecification as(String email) {
        return given().auth().preemptive().basic(email, "secret-password");
    }

    /** A page form post as a demo user, with the double-submit CSRF cookie and field. */
    static RequestSpecification form(String local) {
        return org.schoolgate.support.Api.as(local).cookie("csrf", "test-token").formParam("_csrf", "test-token")
                .redirects().follow(false);
    }

    static long auditCount(String action, long pupilId) {
        return QuarkusTransaction.requiringNew().call(() -> org.schoolgate.audit.AuditEvent.count(
                "action = ?1 and subjectId = ?2", action, Long.toString(pupilId)));
    }
}
